package dev.payplatform.commons.sweep;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/**
 * Schedules every {@link Sweep} bean of the service at start: a job per sweep, named for it, at its
 * interval, never overlapping itself (a pass still running when the next is due skips that tick).
 */
@ApplicationScoped
class SweepSchedule {

  void start(
      @Observes StartupEvent started,
      Scheduler scheduler,
      Sweeps sweeps,
      @Any Instance<Sweep> all) {
    for (Sweep sweep : all) {
      Sweep.Schedule schedule = sweep.schedule();
      scheduler
          .newJob(schedule.name())
          // ISO-8601 durations, as @Scheduled(every, delayed) reads them
          .setInterval(schedule.every().toString())
          .setDelayed(schedule.firstAfter().toString())
          .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
          .setAsyncTask(execution -> sweeps.run(schedule.name(), sweep::pass))
          .schedule();
    }
  }
}

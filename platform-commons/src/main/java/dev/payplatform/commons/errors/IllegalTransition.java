package dev.payplatform.commons.errors;

/**
 * A status move the object's transition table does not allow, with one meaning everywhere: the
 * object is no longer in a state where this can happen. Answered 409 unless a service maps a more
 * precise error first.
 */
public class IllegalTransition extends DomainException {
  private final String object;
  private final String id;
  private final String from;
  private final String to;

  public IllegalTransition(String object, String id, String from, String to) {
    super(object + " " + id + " cannot go from " + from + " to " + to);
    this.object = object;
    this.id = id;
    this.from = from;
    this.to = to;
  }

  public String object() {
    return object;
  }

  public String id() {
    return id;
  }

  public String from() {
    return from;
  }

  public String to() {
    return to;
  }
}

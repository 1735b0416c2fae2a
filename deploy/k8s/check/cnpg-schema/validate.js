// Validates CloudNativePG objects (JSON array on stdin) against the typed CNPG models.
// Prints one line per invalid object and exits 1 if any is invalid.
const models = {
  Cluster: require('@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster').Cluster,
  ScheduledBackup: require('@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/ScheduledBackup').ScheduledBackup,
};
let input = '';
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', () => {
  let failed = 0;
  for (const obj of JSON.parse(input)) {
    const Model = models[obj.kind];
    const name = `${obj.kind}/${obj.metadata && obj.metadata.name}`;
    if (!Model) {
      console.log(`${name}: no CNPG model for this kind`);
      failed++;
      continue;
    }
    try {
      new Model(obj).validate();
      console.log(`${name}: valid`);
    } catch (e) {
      console.log(`${name}: INVALID ${e.message}`);
      failed++;
    }
  }
  process.exit(failed ? 1 : 0);
});

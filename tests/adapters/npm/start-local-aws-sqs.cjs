// Starts local-aws-sqs (an SQS server written in Node.js, both SQS protocols) on 127.0.0.1 for
// the adapters' tests:  node start-local-aws-sqs.cjs NPM_SERVERS_DIR PORT
// NPM_SERVERS_DIR is where `tools/dev.sh test` installed it (build/npm-servers).
const { createSqsServer } = require(require.resolve('local-aws-sqs', { paths: [process.argv[2]] }));
createSqsServer({ port: Number(process.argv[3]), hostname: '127.0.0.1' }).then(
  () => console.log('listening'),
  (e) => { console.error(e); process.exit(1); });

import { runCli } from './run.js';

/** `lantu` entry point (bin/lantu.js runs this through tsx). */
const code = await runCli(process.argv.slice(2));
process.exit(code);

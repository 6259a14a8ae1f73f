// Lets a child node process run the server's TypeScript as jest does (node -r this file
// server/src/index.ts): each file transpiled when loaded, without type checking, and the output
// kept on disk by content hash, so a restarted process starts in a moment. @minqing/shared
// resolves to its build (npm run build -w shared), as it does for the built server.
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const ts = require('typescript');

const compilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  esModuleInterop: true,
  experimentalDecorators: true,
  resolveJsonModule: true,
};
const cacheDir = path.join(os.tmpdir(), `minqing-ts-${ts.version}`);
fs.mkdirSync(cacheDir, { recursive: true });

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const cached = path.join(cacheDir, `${crypto.createHash('sha1').update(filename).update(source).digest('hex')}.js`);
  let output;
  try {
    output = fs.readFileSync(cached, 'utf8');
  } catch {
    output = ts.transpileModule(source, { compilerOptions, fileName: filename }).outputText;
    fs.writeFileSync(`${cached}.${process.pid}`, output);
    fs.renameSync(`${cached}.${process.pid}`, cached);
  }
  module._compile(output, filename);
};

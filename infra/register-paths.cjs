// Resolves the @qualicoop/* aliases of tsconfig.base.json to the compiled libraries in dist/.
const path = require('node:path');
require('tsconfig-paths').register({
  baseUrl: path.join(__dirname, '..', 'dist'),
  paths: { '@qualicoop/*': ['libs/*/src'] },
});

// Build step after tsc: bundle fast-xml-parser into dist/nodes/shared/fastXmlParser.js (replacing
// tsc's re-export), so the published package has no runtime dependencies. The library's MIT
// licence notice travels with the bundled copy.
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const library = path.dirname(require.resolve('fast-xml-parser/package.json', { paths: [root] }));
const { version } = require(path.join(library, 'package.json'));
const licence = fs.readFileSync(path.join(library, 'LICENSE'), 'utf8').trim();

esbuild.buildSync({
	absWorkingDir: root,
	entryPoints: ['nodes/shared/fastXmlParser.ts'],
	outfile: 'dist/nodes/shared/fastXmlParser.js',
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node20',
	sourcemap: true,
	allowOverwrite: true,
	logLevel: 'warning',
	banner: { js: `/*! fast-xml-parser ${version}, bundled.\n${licence}\n*/` },
});

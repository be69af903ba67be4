/**
 * fast-xml-parser, our XML library. The build bundles this module with the library into
 * dist/nodes/shared/fastXmlParser.js (esbuild), so the published package has no runtime
 * dependencies: n8n Cloud installs none, and every node shares this one copy.
 */
export { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

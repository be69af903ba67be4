// Stricter checks before publishing: the package must have been renamed from the starter's default.
import config from './eslint.config.mjs';

export default [
	...config,
	{ files: ['package.json'], rules: { 'n8n-nodes-base/community-package-json-name-still-default': 'error' } },
];

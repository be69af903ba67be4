/**
 * The editor's "Docs" links open each node's and credential's own page. n8n's editor opens a node's
 * codex `primaryDocumentation` URL with `?utm_source=…` appended (useNodeDocsUrl), so that URL must
 * not carry a #fragment: the query would end up inside the fragment and the page would open at its
 * top, or not at all on a README anchor. The credential dialog opens `documentationUrl` as it is.
 * Every link is `<repository>/blob/main/<page>`, the page exists, and its title names the node or
 * credential.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

import { packageCredentials, packageNodes, PACKAGE_NAME } from '../../dev/harness/registry';
import { nodeDescriptions } from '../compat/parameterPaths';
import { ROOT } from './markdown';

const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
	homepage: string;
	repository: { url: string };
	n8n: { nodes: string[] };
};
const PAGE_BASE = `${packageJson.homepage}/blob/main/`;

interface Codex {
	resources?: { primaryDocumentation?: Array<{ url: string }>; credentialDocumentation?: Array<{ url: string }> };
}

/** The repository page a docs URL points at, or why it points nowhere. */
function pageOf(url: string): string {
	if (!url.startsWith(PAGE_BASE)) throw new Error(`${url} is not a page of ${PAGE_BASE}`);
	if (/[#?]/.test(url)) throw new Error(`${url} has a fragment or query; the editor appends its own query`);
	const page = url.slice(PAGE_BASE.length);
	if (!existsSync(join(ROOT, page))) throw new Error(`${url}: no ${page} in the repository`);
	return page;
}

function title(page: string): string {
	return /^# (.+)$/m.exec(readFileSync(join(ROOT, page), 'utf8'))?.[1] ?? '';
}

const codexFiles = packageJson.n8n.nodes.map((distPath) => distPath.replace(/^dist\//, '').replace(/\.js$/, '.json'));

describe('the editor\'s Docs links', () => {
	it('point at the public repository of package.json', () => {
		expect(packageJson.repository.url).toBe(`git+${packageJson.homepage}.git`);
	});

	it.each(codexFiles)('%s: the node opens its own page, its credential the credential\'s page', (codexFile) => {
		const codex = JSON.parse(readFileSync(join(ROOT, codexFile), 'utf8')) as Codex & { node: string };
		const node = packageNodes()[codex.node];
		expect(node).toBeDefined();
		const description = nodeDescriptions(node).at(-1)!;
		const primary = codex.resources?.primaryDocumentation ?? [];
		expect(primary).toHaveLength(1);
		expect(title(pageOf(primary[0].url))).toBe(`${description.displayName} node`);

		const credentialNames = (description.credentials ?? []).map((credential) => credential.name);
		const credentialDocs = codex.resources?.credentialDocumentation ?? [];
		expect(credentialDocs.map((entry) => entry.url)).toEqual(
			credentialNames.map((name) => packageCredentials()[name].documentationUrl),
		);
	});

	it.each(Object.keys(packageCredentials()))('credential %s opens its own page', (name) => {
		const credential = packageCredentials()[name];
		expect(title(pageOf(credential.documentationUrl!))).toBe(`${credential.displayName} credential`);
	});

	it('covers every node of the package', () => {
		const covered = codexFiles.map((file) => (JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as { node: string }).node).sort();
		expect(covered).toEqual(Object.keys(packageNodes()).filter((key) => key.startsWith(`${PACKAGE_NAME}.`)).sort());
	});
});

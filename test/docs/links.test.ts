/**
 * Every relative link and anchor in the README, CONTRIBUTING.md and docs/ resolves: the file or
 * folder exists in the repository, and an anchor names a heading (or id) of the page it points at.
 * External links (https:, mailto:) are not fetched: tests reach nothing beyond loopback.
 */
import { existsSync, statSync } from 'fs';
import { dirname, join, normalize, relative } from 'path';

import { anchors, docPages, githubSlug, links, readPage, ROOT } from './markdown';

const pages = docPages();

function broken(page: string): string[] {
	const problems: string[] = [];
	for (const { line, target } of links(readPage(page))) {
		if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
		const [pathAndQuery, anchor] = target.split('#', 2) as [string, string | undefined];
		const path = decodeURIComponent(pathAndQuery.split('?')[0]);
		const resolved = path === '' ? page : normalize(join(dirname(page), path));
		const where = `${page}:${line} → ${target}`;
		if (resolved.startsWith('..')) {
			problems.push(`${where}: leaves the repository`);
			continue;
		}
		if (!existsSync(join(ROOT, resolved))) {
			problems.push(`${where}: no ${resolved}`);
			continue;
		}
		if (anchor === undefined) continue;
		if (statSync(join(ROOT, resolved)).isDirectory() || !resolved.endsWith('.md')) {
			problems.push(`${where}: an anchor on ${resolved}, which is not a page`);
		} else if (!anchors(readPage(resolved)).has(anchor)) {
			problems.push(`${where}: ${relative('.', resolved)} has no heading with the anchor #${anchor}`);
		}
	}
	return problems;
}

describe('documentation links', () => {
	it('covers the README and the docs pages', () => {
		expect(pages).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'docs/README.md']));
		expect(pages.filter((page) => page.startsWith('docs/')).length).toBeGreaterThan(20);
	});

	it.each(pages)('%s: every relative link and anchor resolves', (page) => {
		expect(broken(page)).toEqual([]);
	});

	it('computes anchors as GitHub does', () => {
		expect(githubSlug('Version 1 → 2')).toBe('version-1--2');
		expect(githubSlug('Proof in a real n8n (`npm run test:n8n`)')).toBe('proof-in-a-real-n8n-npm-run-testn8n');
		expect(githubSlug('What "previous" holds')).toBe('what-previous-holds');
		expect(githubSlug('XAPI functions used, and those left to the HTTP Request node')).toBe(
			'xapi-functions-used-and-those-left-to-the-http-request-node',
		);
		expect(githubSlug('[3CX](3cx.md) and *sipXcom*')).toBe('3cx-and-sipxcom');
		expect([...anchors('# A\n## B\n```\n# not a heading\n```\n## B\n<a id="x"></a>\n')]).toEqual(['a', 'b', 'b-1', 'x']);
	});
});

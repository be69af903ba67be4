/**
 * The documentation as a test sees it: the README, CONTRIBUTING.md and every page under docs/,
 * with their links and the anchors GitHub gives their headings.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

export const ROOT = join(__dirname, '..', '..');

/** Repository-relative paths of every documentation page, README first. */
export function docPages(): string[] {
	const pages = ['README.md', 'CONTRIBUTING.md'].filter((page) => existsSync(join(ROOT, page)));
	const walk = (dir: string) => {
		for (const name of readdirSync(join(ROOT, dir)).sort()) {
			const path = join(dir, name);
			if (statSync(join(ROOT, path)).isDirectory()) walk(path);
			else if (name.endsWith('.md')) pages.push(relative(ROOT, join(ROOT, path)));
		}
	};
	walk('docs');
	return pages;
}

export function readPage(page: string): string {
	return readFileSync(join(ROOT, page), 'utf8');
}

/** The text outside fenced code blocks, line by line (code lines become empty, so line numbers stay). */
export function proseLines(text: string): string[] {
	let fence = false;
	return text.split('\n').map((line) => {
		if (/^\s*(```|~~~)/.test(line)) {
			fence = !fence;
			return '';
		}
		return fence ? '' : line;
	});
}

/** What a heading shows: inline markup, links and HTML removed. */
function headingText(markdown: string): string {
	return markdown
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/<[^>]+>/g, '')
		.trim();
}

/** GitHub's anchor for a heading: lower case, punctuation and symbols dropped, spaces to hyphens. */
export function githubSlug(heading: string): string {
	return headingText(heading)
		.toLowerCase()
		.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
		.replace(/ /g, '-');
}

/** Every anchor a page offers: its headings (repeats get -1, -2, … as on GitHub) and explicit ids. */
export function anchors(text: string): Set<string> {
	const out = new Set<string>();
	const seen = new Map<string, number>();
	for (const line of proseLines(text)) {
		const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
		if (heading) {
			const slug = githubSlug(heading[1]);
			const count = seen.get(slug) ?? 0;
			seen.set(slug, count + 1);
			out.add(count === 0 ? slug : `${slug}-${count}`);
		}
		for (const id of line.matchAll(/\b(?:id|name)="([^"]+)"/g)) out.add(id[1]);
	}
	return out;
}

export interface Link {
	line: number;
	target: string;
}

/** Markdown links and images outside code (fenced and inline), and HTML href/src attributes. */
export function links(text: string): Link[] {
	const out: Link[] = [];
	proseLines(text).forEach((raw, index) => {
		const line = raw.replace(/`[^`]*`/g, '');
		for (const match of line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push({ line: index + 1, target: match[1] });
		for (const match of line.matchAll(/\b(?:href|src)="([^"]+)"/g)) out.push({ line: index + 1, target: match[1] });
	});
	return out;
}

/**
 * The documentation names parameters, options, operations and credential fields exactly as the
 * editor shows them, so a user can find what the text talks about. Every page is checked: the
 * README, CONTRIBUTING.md and everything under docs/. Bold is also plain emphasis
 * ("**before any request**"), so not every bold phrase is a name; what is checked is where the
 * page's structure says a name is meant:
 *
 * - the package table of docs/nodes/README.md: every resource and operation of each vendor node,
 *   and no other;
 * - operation tables (each lists all operations of one resource; a node's own page documents all
 *   its resources), tables whose first column holds names (credential fields, settings, options),
 *   and the trigger table's watched fields and filters;
 * - a credential's page lists every field of the credential;
 * - emphasised paths (*Options → Keep Previous Values*), emphasised choices
 *   (*Output: Normalised Extension*) and emphasised names in the wrong case, or without the
 *   " Name or ID" n8n's editor shows for dropdowns (*Department* for *Department Name or ID*).
 *
 * A page is checked against the nodes and credentials it is about (its vendor, found from its file
 * name), every other page against all of them.
 */
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { PACKAGE_NAME, packageCredentials, packageNodes } from '../../dev/harness/registry';
import { docPages, proseLines, readPage } from '../docs/markdown';
import { isCollectionGroup, nodeDescriptions } from './parameterPaths';

/** What the editor shows for a set of nodes and credentials (all node versions). */
interface Names {
	/** Display names of parameters at any depth, credential fields included. */
	properties: Set<string>;
	/** Every shown name: parameters, their choices, resource locator modes. */
	all: Set<string>;
	/** Collection display name → display names of its entries. */
	children: Map<string, Set<string>>;
	/** Options parameter display name → its choices. */
	choices: Map<string, Set<string>>;
	/** Resource name → operation names. */
	operations: Map<string, Set<string>>;
}

function emptyNames(): Names {
	return { properties: new Set(), all: new Set(), children: new Map(), choices: new Map(), operations: new Map() };
}

function addTo(map: Map<string, Set<string>>, key: string, values: string[]): void {
	const set = map.get(key) ?? new Set<string>();
	for (const value of values) set.add(value);
	map.set(key, set);
}

function isProperty(option: unknown): option is INodeProperties {
	return typeof option === 'object' && option !== null && 'type' in option && 'displayName' in option;
}

function collect(properties: INodeProperties[], names: Names, resources: Map<string, string>): void {
	for (const property of properties) {
		if (property.type === 'notice' || property.type === 'hidden') continue;
		names.properties.add(property.displayName);
		names.all.add(property.displayName);
		for (const mode of property.modes ?? []) names.all.add(mode.displayName);
		const options = (property.options ?? []) as unknown[];
		if (property.type === 'collection' || property.type === 'fixedCollection') {
			const entries = options.filter((o) => isProperty(o) || isCollectionGroup(o)) as Array<INodeProperties | INodePropertyCollection>;
			addTo(names.children, property.displayName, entries.map((entry) => entry.displayName));
			for (const entry of entries) {
				if (isCollectionGroup(entry)) {
					names.all.add(entry.displayName);
					addTo(names.children, entry.displayName, entry.values.map((value) => value.displayName));
					collect(entry.values, names, resources);
				} else collect([entry], names, resources);
			}
			continue;
		}
		const choices = options.filter((o) => !isProperty(o) && !isCollectionGroup(o)) as INodePropertyOptions[];
		if (choices.length === 0) continue;
		addTo(names.choices, property.displayName, choices.map((choice) => choice.name));
		for (const choice of choices) names.all.add(choice.name);
		if (property.name === 'resource') for (const choice of choices) resources.set(String(choice.value), choice.name);
		if (property.name === 'operation') {
			for (const value of (property.displayOptions?.show?.resource as string[] | undefined) ?? []) {
				addTo(names.operations, resources.get(value) ?? value, choices.map((choice) => choice.name));
			}
		}
	}
}

function namesOf(nodeNames: string[], credentialNames: string[]): Names {
	const names = emptyNames();
	for (const nodeName of nodeNames) {
		const node = packageNodes()[`${PACKAGE_NAME}.${nodeName}`];
		if (!node) throw new Error(`No node ${nodeName}`);
		for (const description of nodeDescriptions(node)) {
			const resources = new Map<string, string>();
			// The resource parameter comes first, so operations can be filed under the resource's name.
			const ordered = [...description.properties].sort((a, b) => Number(b.name === 'resource') - Number(a.name === 'resource'));
			collect(ordered, names, resources);
		}
	}
	for (const credentialName of credentialNames) {
		const credential = packageCredentials()[credentialName];
		if (!credential) throw new Error(`No credential ${credentialName}`);
		collect(credential.properties, names, new Map());
	}
	return names;
}

const VENDORS: Record<string, { node: string; trigger: string; credential: string }> = {
	'3cx': { node: 'threeCx', trigger: 'threeCxTrigger', credential: 'threeCxApi' },
	cloudonix: { node: 'cloudonix', trigger: 'cloudonixTrigger', credential: 'cloudonixApi' },
	sipxcom: { node: 'sipXcom', trigger: 'sipXcomTrigger', credential: 'sipXcomApi' },
	openvox: { node: 'openVox', trigger: 'openVoxTrigger', credential: 'openVoxApi' },
};
const ALL_NODES = ['compareExtensions', ...Object.values(VENDORS).flatMap((vendor) => [vendor.node, vendor.trigger])];
const ALL_CREDENTIALS = Object.values(VENDORS).map((vendor) => vendor.credential);

interface Scope {
	nodes: string[];
	credentials: string[];
	/** The vendor node whose page this is: all its resources must have an operation table. */
	nodePage?: string;
	/** The credential whose page this is: all its fields must be in a Field table. */
	credentialPage?: string;
}

/** What a page is about, from where it lives. */
function scopeOf(page: string): Scope {
	if (page === 'docs/nodes/compare-extensions.md') return { nodes: ['compareExtensions'], credentials: [] };
	if (page === 'docs/triggers/README.md') return { nodes: ALL_NODES.filter((node) => node.endsWith('Trigger')), credentials: [] };
	const vendorPage = /^docs\/(nodes|credentials|triggers|vendors)\/([a-z0-9]+?)(-trigger)?\.md$/.exec(page);
	const vendor = vendorPage ? VENDORS[vendorPage[2]] : undefined;
	if (vendorPage && vendor) {
		return {
			nodes: [vendor.node, vendor.trigger],
			credentials: [vendor.credential],
			nodePage: vendorPage[1] === 'nodes' ? vendor.node : undefined,
			credentialPage: vendorPage[1] === 'credentials' ? vendor.credential : undefined,
		};
	}
	return { nodes: ALL_NODES, credentials: ALL_CREDENTIALS };
}

interface Page extends Scope {
	page: string;
	text: string;
	names: Names;
}

const PAGES: Page[] = docPages().map((page) => {
	const scope = scopeOf(page);
	return { page, text: readPage(page), names: namesOf(scope.nodes, scope.credentials), ...scope };
});
const byPage = (page: string) => PAGES.find((entry) => entry.page === page)!;

/** Each vendor node's resources and their operations, node by node (two nodes may both have a "User"). */
const NODE_OPERATIONS = Object.values(VENDORS).map((vendor) => ({ node: vendor.node, operations: namesOf([vendor.node], []).operations }));

interface Table {
	header: string[];
	rows: string[][];
}

function cells(line: string): string[] {
	return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim());
}

function tables(text: string): Table[] {
	const lines = text.split('\n');
	const out: Table[] = [];
	for (let i = 0; i + 1 < lines.length; i++) {
		if (!/^\s*\|/.test(lines[i]) || !/^\s*\|[\s:|-]+\|\s*$/.test(lines[i + 1])) continue;
		const table: Table = { header: cells(lines[i]), rows: [] };
		let j = i + 2;
		for (; j < lines.length && /^\s*\|/.test(lines[j]); j++) table.rows.push(cells(lines[j]));
		out.push(table);
		i = j;
	}
	return out;
}

/** A cell's text: links give their text, bold and code are dropped. */
const plain = (cell: string) =>
	cell.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\*\*/g, '').replace(/`[^`]*`/g, '').trim();
/** "A / B" and "A, B" name two things; remarks in parentheses after a name are not part of it. */
const listed = (cell: string, separators: RegExp) =>
	plain(cell)
		.split(separators)
		.map((name) => name.trim())
		.filter(Boolean);
const withoutRemarks = (name: string) => name.replace(/\s*\([^)]*\)/g, '').trim();

function missingFrom(names: string[], known: Set<string>): string[] {
	return names.filter((name) => !known.has(name));
}

const vendorPages = PAGES.filter((entry) => entry.nodePage);
const credentialPages = PAGES.filter((entry) => entry.credentialPage);

describe('the documentation names what the editor shows', () => {
	it('checks every page, and knows which node or credential each vendor page is about', () => {
		expect(PAGES.length).toBeGreaterThan(20);
		expect(vendorPages.map((entry) => entry.nodePage).sort()).toEqual(['cloudonix', 'openVox', 'sipXcom', 'threeCx']);
		expect(credentialPages.map((entry) => entry.credentialPage).sort()).toEqual([...ALL_CREDENTIALS].sort());
	});

	it('lists every resource and operation of each vendor node in the package table, by its shown name', () => {
		const table = tables(byPage('docs/nodes/README.md').text).find((t) => t.header[0] === 'Node')!;
		const checked: string[] = [];
		for (const row of table.rows) {
			const nodeName = /^\*\*([^*]+)\*\*$/.exec(plain(row[0]).includes(',') ? '' : `**${plain(row[0])}**`)?.[1];
			const entry = Object.values(packageNodes()).find((node) => nodeDescriptions(node)[0].displayName === nodeName);
			if (!entry) continue;
			const names = namesOf([nodeDescriptions(entry)[0].name], []);
			if (names.operations.size === 0) continue;
			const documented = new Map<string, string[]>();
			for (const part of row[2].split(' · ')) {
				const colon = part.indexOf(': ');
				documented.set(part.slice(0, colon), part.slice(colon + 2).split(', ').map(withoutRemarks));
			}
			expect({ node: nodeName, resources: [...documented.keys()].sort() }).toEqual({
				node: nodeName,
				resources: [...names.operations.keys()].sort(),
			});
			for (const [resource, operations] of documented) {
				expect({ node: nodeName, resource, operations: [...operations].sort() }).toEqual({
					node: nodeName,
					resource,
					operations: [...names.operations.get(resource)!].sort(),
				});
			}
			checked.push(nodeName!);
		}
		expect(checked.sort()).toEqual(['3CX', 'Cloudonix', 'OpenVox', 'sipXcom']);
	});

	it.each(PAGES.map((entry) => [entry.page, entry] as const))(
		'%s: each operation table documents one resource of one node, all its operations by their shown names',
		(_, { text, nodePage }) => {
			const resources: string[] = [];
			for (const table of tables(text).filter((t) => t.header[0] === 'Operation')) {
				const documented = table.rows.flatMap((row) => listed(row[0], / \/ /)).sort();
				const candidates = NODE_OPERATIONS.filter((entry) => !nodePage || entry.node === nodePage);
				const match = candidates
					.flatMap(({ operations }) => [...operations])
					.find(([, operations]) => [...operations].sort().join() === documented.join());
				// null: no resource has exactly these operations.
				expect({ documented, resource: match?.[0] ?? null }).toEqual({ documented, resource: expect.any(String) });
				resources.push(match![0]);
			}
			if (nodePage) {
				const own = NODE_OPERATIONS.find((entry) => entry.node === nodePage)!.operations;
				expect({ nodePage, resources: resources.sort() }).toEqual({ nodePage, resources: [...own.keys()].sort() });
			}
		},
	);

	it.each(PAGES.map((entry) => [entry.page, entry] as const))(
		'%s: tables of fields, settings and options name them as shown',
		(_, { text, names }) => {
			// Resource names have commas of their own ("User (Bulk, SOAP)").
			const nameColumns: Record<string, RegExp> = {
				Field: / \/ /,
				Setting: / \/ |, /,
				Option: / \/ |, /,
				'Safety setting': / \/ |, /,
				'Per key part': / \/ |, /,
				'Resource in the node': / \/ /,
			};
			for (const table of tables(text).filter((t) => t.header[0] in nameColumns)) {
				const documented = table.rows.flatMap((row) => listed(row[0], nameColumns[table.header[0]]));
				expect({ table: table.header[0], unknown: missingFrom(documented, names.all) }).toEqual({
					table: table.header[0],
					unknown: [],
				});
			}
		},
	);

	it.each(credentialPages.map((entry) => [entry.page, entry] as const))('%s names every field of its credential', (page, { text, credentialPage }) => {
		const documented = new Set(
			tables(text)
				.filter((t) => t.header[0] === 'Field')
				.flatMap((t) => t.rows.flatMap((row) => listed(row[0], / \/ /))),
		);
		const fields = packageCredentials()[credentialPage!].properties.filter((p) => p.type !== 'hidden').map((p) => p.displayName);
		expect({ page, missing: missingFrom(fields, documented) }).toEqual({ page, missing: [] });
	});

	it("names the triggers' watched fields and filters as shown", () => {
		const table = tables(byPage('docs/triggers/README.md').text).find((t) => t.header[0] === 'Trigger')!;
		const watched = table.header.indexOf(table.header.find((h) => h.startsWith('Watched Fields'))!);
		const filters = table.header.indexOf('Filters');
		const checked: string[] = [];
		for (const row of table.rows) {
			const trigger = plain(row[0]);
			const entry = Object.values(packageNodes()).find((node) => nodeDescriptions(node)[0].displayName === trigger)!;
			const names = namesOf([nodeDescriptions(entry)[0].name], []);
			const fields = listed(row[watched], /, /).map(withoutRemarks);
			expect({ trigger, fields: [...fields].sort() }).toEqual({ trigger, fields: [...names.choices.get('Watched Fields')!].sort() });
			const filterNames = listed(row[filters], /, /).map(withoutRemarks);
			expect({ trigger, unknown: missingFrom(filterNames, names.children.get('Filters')!) }).toEqual({ trigger, unknown: [] });
			checked.push(trigger);
		}
		expect(checked.sort()).toEqual(['3CX Trigger', 'Cloudonix Trigger', 'OpenVox Trigger', 'sipXcom Trigger']);
	});

	it.each(PAGES.map((entry) => [entry.page, entry] as const))(
		'%s: emphasised paths, choices and names are the shown ones',
		(_, { text, names }) => {
			const prose = proseLines(text)
				.join('\n')
				.replace(/`[^`]*`/g, '')
				.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
			const emphasised = [
				...[...prose.matchAll(/\*\*([^*\n]+?)\*\*/g)].map((m) => m[1]),
				...[...prose.replace(/\*\*/g, '').matchAll(/(?<![\w*])\*([^*\n]+?)\*(?![\w*])/g)].map((m) => m[1]),
			].map((phrase) => phrase.trim().replace(/[.:]$/, ''));
			const byLowerCase = new Map([...names.all].map((name) => [name.toLowerCase(), name]));
			const wrong: string[] = [];
			for (const phrase of emphasised) {
				const steps = phrase.split(/ [→›] /);
				if (steps.length > 1 && names.children.has(steps[0])) {
					for (let i = 1; i < steps.length; i++) {
						if (!names.children.get(steps[i - 1])?.has(steps[i])) wrong.push(`${phrase} (no "${steps[i]}" in ${steps[i - 1]})`);
					}
					continue;
				}
				const choice = /^(.+?): (.+)$/.exec(phrase);
				if (choice && names.choices.has(choice[1])) {
					if (!names.choices.get(choice[1])!.has(choice[2])) wrong.push(`${phrase} (no choice "${choice[2]}")`);
					continue;
				}
				// A lower-case word is a concept ("the *available* routing"), not a name.
				const shown = /[A-Z]/.test(phrase) ? byLowerCase.get(phrase.toLowerCase()) : undefined;
				if (shown !== undefined && shown !== phrase) wrong.push(`${phrase} (shown as "${shown}")`);
				if (!names.properties.has(phrase)) {
					const dropdown = [`${phrase} Name or ID`, `${phrase} Names or IDs`].find((name) => names.properties.has(name));
					if (dropdown) wrong.push(`${phrase} (shown as "${dropdown}")`);
				}
			}
			expect(wrong).toEqual([]);
		},
	);
});

/**
 * The README names parameters, options, operations and credential fields exactly as the editor
 * shows them, so a user can find what the text talks about. Bold is also plain emphasis in the
 * README ("**before any request**"), so not every bold phrase is a name; what is checked is
 * where the README's structure says a name is meant:
 *
 * - the package table: every resource and operation of each vendor node, and no other;
 * - the tables of a node's section whose first column holds names (operations, credential
 *   fields, settings, options), and the trigger table's watched fields and filters;
 * - emphasised paths (*Options → Keep Previous Values*), emphasised choices
 *   (*Output: Normalised Extension*) and emphasised names in the wrong case, or without the
 *   " Name or ID" n8n's editor shows for dropdowns (*Department* for *Department Name or ID*).
 */
import * as fs from 'fs';
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';
import * as path from 'path';

import { PACKAGE_NAME, packageCredentials, packageNodes } from '../../dev/harness/registry';
import { isCollectionGroup, nodeDescriptions } from './parameterPaths';

const README = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

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

/** The README's sections about nodes (by their `## ` heading) and what they document. */
const SECTIONS: Array<{ heading: RegExp; nodes: string[]; credentials: string[] }> = [
	{ heading: /^Compare Extensions$/, nodes: ['compareExtensions'], credentials: [] },
	{
		heading: /^Change triggers/,
		nodes: ['threeCxTrigger', 'cloudonixTrigger', 'sipXcomTrigger', 'openVoxTrigger'],
		credentials: [],
	},
	{ heading: /^3CX$/, nodes: ['threeCx', 'threeCxTrigger'], credentials: ['threeCxApi'] },
	{ heading: /^Cloudonix$/, nodes: ['cloudonix', 'cloudonixTrigger'], credentials: ['cloudonixApi'] },
	{ heading: /^sipXcom$/, nodes: ['sipXcom', 'sipXcomTrigger'], credentials: ['sipXcomApi'] },
	{ heading: /^OpenVox$/, nodes: ['openVox', 'openVoxTrigger'], credentials: ['openVoxApi'] },
];

/** The text under each `## ` heading. */
function sections(): Map<string, string> {
	const out = new Map<string, string>();
	const parts = README.split(/^## /m).slice(1);
	for (const part of parts) {
		const newline = part.indexOf('\n');
		out.set(part.slice(0, newline).trim(), part.slice(newline + 1));
	}
	return out;
}

function nodeSections(): Array<{ heading: string; text: string; names: Names; credentials: string[] }> {
	const all = sections();
	return SECTIONS.map((section) => {
		const heading = [...all.keys()].find((key) => section.heading.test(key));
		if (!heading) throw new Error(`The README has no section ${section.heading}`);
		const names = namesOf(section.nodes, section.credentials);
		return { heading, text: all.get(heading)!, names, credentials: section.credentials };
	});
}

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

const plain = (cell: string) => cell.replace(/\*\*/g, '').replace(/`[^`]*`/g, '').trim();
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

describe('README names what the editor shows', () => {
	it('lists every resource and operation of each vendor node in the package table, by its shown name', () => {
		const table = tables(sections().get('What is in the package')!).find((t) => t.header[0] === 'Node')!;
		const checked: string[] = [];
		for (const row of table.rows) {
			const nodeName = /^\*\*([^*]+)\*\*$/.exec(row[0])?.[1];
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

	it.each(nodeSections().map((section) => [section.heading, section] as const))(
		'%s: each operation table documents one resource, all its operations by their shown names',
		(_, { text, names }) => {
			const resources: string[] = [];
			for (const table of tables(text).filter((t) => t.header[0] === 'Operation')) {
				const documented = table.rows.flatMap((row) => listed(row[0], / \/ /)).sort();
				const resource = [...names.operations].find(([, operations]) => [...operations].sort().join() === documented.join());
				// null: no resource has exactly these operations.
				expect({ documented, resource: resource?.[0] ?? null }).toEqual({
					documented,
					resource: expect.any(String),
				});
				resources.push(resource![0]);
			}
			expect(resources.sort()).toEqual([...names.operations.keys()].sort());
		},
	);

	it.each(nodeSections().map((section) => [section.heading, section] as const))(
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

	it('names every credential field in the credential tables', () => {
		for (const { text, heading, credentials } of nodeSections().filter((section) => section.credentials.length > 0)) {
			const credentialTables = tables(text).filter((t) => t.header[0] === 'Field');
			const documented = new Set(credentialTables.flatMap((t) => t.rows.flatMap((row) => listed(row[0], / \/ /))));
			const fields = credentials.flatMap((name) =>
				packageCredentials()[name].properties.filter((p) => p.type !== 'hidden').map((p) => p.displayName),
			);
			expect({ heading, missing: missingFrom(fields, documented) }).toEqual({ heading, missing: [] });
		}
	});

	it('names the triggers\' watched fields and filters as shown', () => {
		const { text } = nodeSections().find((section) => section.heading.startsWith('Change triggers'))!;
		const table = tables(text).find((t) => t.header[0] === 'Trigger')!;
		const watched = table.header.indexOf(table.header.find((h) => h.startsWith('Watched Fields'))!);
		const filters = table.header.indexOf('Filters');
		for (const row of table.rows) {
			const trigger = plain(row[0]);
			const entry = Object.values(packageNodes()).find((node) => nodeDescriptions(node)[0].displayName === trigger)!;
			const names = namesOf([nodeDescriptions(entry)[0].name], []);
			const fields = listed(row[watched], /, /).map(withoutRemarks);
			expect({ trigger, fields: [...fields].sort() }).toEqual({ trigger, fields: [...names.choices.get('Watched Fields')!].sort() });
			const filterNames = listed(row[filters], /, /).map(withoutRemarks);
			expect({ trigger, unknown: missingFrom(filterNames, names.children.get('Filters')!) }).toEqual({ trigger, unknown: [] });
		}
	});

	it.each(nodeSections().map((section) => [section.heading, section] as const))(
		'%s: emphasised paths, choices and names are the shown ones',
		(_, { text, names }) => {
			const prose = text.replace(/`[^`]*`/g, '');
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

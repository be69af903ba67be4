/**
 * One name and one place for the switch that keeps secrets in the output: in the newest version
 * of every node it is Options › Include Secrets (`options.includeSecrets`, default off) on each
 * operation that can output secrets, and its description names the vendor fields it keeps.
 * Older versions keep their own paths (parameterPaths.json guards those).
 */
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { PACKAGE_NAME, packageNodes } from '../../dev/harness/registry';
import { currentParameterPaths } from './parameterPaths';

/** Per node: the operations with the switch in the newest version, and vendor fields its descriptions name. */
const EXPECTED: Record<string, { newest: number; scopes: string[]; fields: string[] }> = {
	threeCx: {
		newest: 3,
		scopes: ['phone/assign', 'phone/getProvisioningLink', 'user/exportExtensions', 'user/get', 'user/getMany'],
		fields: ['AuthPassword', 'AccessPassword', 'DeskphonePassword', 'VMPIN', 'ProvisioningLinkExt', 'provisioningLink'],
	},
	cloudonix: { newest: 1, scopes: ['subscriber/*'], fields: ['sipPassword', 'sip-password'] },
	sipXcom: { newest: 1, scopes: ['userBulk/find'], fields: ['sipPassword', 'pintoken'] },
	openVox: {
		newest: 3,
		scopes: ['extension/create', 'extension/get', 'extension/update'],
		fields: ['registerpassword', 'loginpassword', 'userpassword', 'vmsecret'],
	},
};

const NODES_WITHOUT_SWITCH = ['compareExtensions', 'threeCxTrigger', 'cloudonixTrigger', 'sipXcomTrigger', 'openVoxTrigger'];

function description(name: string): INodeTypeDescription {
	return (packageNodes()[`${PACKAGE_NAME}.${name}`] as { description: INodeTypeDescription }).description;
}

/** Every property named includeSecrets, at the top level or inside collections, in any version. */
function switches(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((property) => [
		...(property.name === 'includeSecrets' ? [property] : []),
		...(property.type === 'collection' ? switches((property.options ?? []) as INodeProperties[]) : []),
	]);
}

describe('Include Secrets: one name and one place in the newest version of every node', () => {
	const paths = currentParameterPaths().nodes;

	it.each(Object.entries(EXPECTED))('%s: the newest version is the default and has it only in Options', (name, expected) => {
		const node = description(name);
		expect(Math.max(...[node.version].flat())).toBe(expected.newest);
		expect(node.defaultVersion ?? node.version).toBe(expected.newest);
		const entries = paths[name][String(expected.newest)].filter((entry) => /\bincludeSecrets\b/.test(entry));
		expect(entries.sort()).toEqual(
			expected.scopes.flatMap((scope) => [`${scope} options.includeSecrets default false`, `${scope} options.includeSecrets: boolean`]).sort(),
		);
	});

	it.each(Object.entries(EXPECTED))('%s: every version shows it as "Include Secrets", off, naming the fields it keeps', (name, expected) => {
		const found = switches(description(name).properties);
		expect(found.length).toBeGreaterThan(0);
		for (const property of found) {
			expect(property).toMatchObject({ displayName: 'Include Secrets', type: 'boolean', default: false });
			expect(property.description).toMatch(/^Whether to keep .+ \(.+\) in the output\. Off by default/);
		}
		const named = expected.fields.filter((field) => found.some((property) => property.description!.includes(field)));
		expect(named).toEqual(expected.fields);
	});

	it('Cloudonix says that it keeps the SIP password', () => {
		const [property] = switches(description('cloudonix').properties);
		expect(property.description).toContain('the SIP password (sipPassword and sip-password)');
	});

	it.each(NODES_WITHOUT_SWITCH)('%s has no switch: its output never carries secrets', (name) => {
		expect(switches(description(name).properties)).toEqual([]);
	});
});

describe('Cloudonix Options: Include Secrets only where a subscriber is output', () => {
	const node = description('cloudonix');
	const operations = ((node.properties.find((property) => property.name === 'operation')?.options ?? []) as Array<{ value: string }>).map(
		(option) => option.value,
	);
	const collection = node.properties.find((property) => property.name === 'options')!;

	/** The Options entries the editor offers for an operation, evaluated as n8n evaluates displayOptions. */
	const shown = (operation: string) => {
		const values = { parameters: { resource: 'subscriber', operation, options: {} } };
		if (!NodeHelpers.displayParameter(values.parameters, collection, { typeVersion: 1 }, node)) return [];
		return (collection.options as INodeProperties[])
			.filter((option) => NodeHelpers.displayParameterPath(values, option, 'parameters.options', { typeVersion: 1 }, node))
			.map((option) => option.name);
	};

	it('offers it on every operation that outputs a subscriber, and pacing on all of them', () => {
		expect(operations.sort()).toEqual(['activate', 'create', 'deactivate', 'delete', 'get', 'getAll', 'update', 'upsert']);
		// Dry Run on every write, Only If Unchanged on those that change an existing subscriber (issue 25).
		const writeOptions: Record<string, string[]> = {
			activate: ['dryRun', 'onlyIfUnchanged'],
			create: ['dryRun'],
			deactivate: ['dryRun', 'onlyIfUnchanged'],
			update: ['dryRun', 'onlyIfUnchanged'],
			upsert: ['dryRun', 'onlyIfUnchanged'],
		};
		for (const operation of operations.filter((op) => op !== 'delete')) {
			expect([operation, shown(operation)]).toEqual([operation, [...(writeOptions[operation] ?? []), 'includeSecrets', 'requestsPerWindow', 'windowMs'].sort()]);
		}
	});

	it('hides it on Delete, which outputs no subscriber, and keeps the pacing options there', () => {
		expect(shown('delete')).toEqual(['dryRun', 'onlyIfUnchanged', 'requestsPerWindow', 'windowMs']);
	});
});

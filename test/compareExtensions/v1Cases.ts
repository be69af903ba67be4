/**
 * Version 1 workflows whose outputs were recorded before version 2 existed
 * (fixtures/v1-outputs.json); the v1 test replays them and expects the same items.
 */
import type { IDataObject } from 'n8n-workflow';

export interface V1Case {
	name: string;
	local: IDataObject[];
	remote: IDataObject[];
	parameters: IDataObject;
	continueOnFail?: boolean;
}

const local: IDataObject[] = [
	{ number: '+1 (555) 0101', name: 'Ann', email: 'ANN@example.com ', enabled: true, raw: { Id: 1 } },
	{ number: '102', name: 'Bob', email: 'bob@example.com', enabled: 'on', raw: { Id: 2 } },
	{ number: '103', name: 'Cid', email: 'cid@example.com', enabled: false, raw: { Id: 3 } },
	{ number: '104', name: 'Dee', email: '', enabled: true, raw: { Id: 4 } },
	{ name: 'No number', raw: { Id: 5 } },
];
const remote: IDataObject[] = [
	{ msisdn: '15550101', profile: { name: 'Ann' }, email: 'ann@example.com', active: true },
	{ msisdn: '102', profile: { name: 'Robert' }, email: 'bob@example.com', active: true },
	{ msisdn: '103 ', profile: { name: 'Cid' }, email: 'cid@example.com', active: 'no' },
	{ msisdn: '105', profile: { name: 'Eve' }, email: null, active: true },
	{ msisdn: '105', profile: { name: 'Eve 2' }, active: true },
	{ profile: { name: 'No msisdn' } },
];
const fieldsToCompare = {
	values: [
		{ local: 'name', remote: 'profile.name' },
		{ local: 'email', remote: 'email' },
		{ local: 'enabled', remote: 'active' },
	],
};

export const V1_CASES: V1Case[] = [
	{ name: 'defaults, no fields', local: local.slice(1, 4), remote: remote.slice(1, 3), parameters: { remoteKeyField: 'msisdn' } },
	{
		name: 'fields, digits only, prefix, every combination, unmatched keys',
		local,
		remote,
		parameters: {
			remoteKeyField: 'msisdn',
			fieldsToCompare,
			options: { keyMatching: 'digitsOnly', stripPrefixes: '1', duplicates: 'matchAll', missingKeys: 'unmatched' },
		},
	},
	{
		name: 'ignore case, trim, strict rules, local items, skipped keys',
		local,
		remote,
		parameters: {
			remoteKeyField: 'msisdn',
			fieldsToCompare,
			options: {
				keyMatching: 'digitsOnly',
				lastDigits: 3,
				ignoreCase: true,
				trimValues: true,
				looseRules: [],
				duplicates: 'matchAll',
				missingKeys: 'skip',
				matchOutput: 'local',
			},
		},
	},
	{
		name: 'remote items for matches',
		local: local.slice(0, 4),
		remote: remote.slice(0, 4),
		parameters: { remoteKeyField: 'msisdn', fieldsToCompare, options: { keyMatching: 'digitsOnly', stripPrefixes: '1', matchOutput: 'remote' } },
	},
	{ name: 'duplicate error', local, remote, parameters: { remoteKeyField: 'msisdn', options: { missingKeys: 'skip' } } },
	{ name: 'missing key error with Continue On Fail', local, remote, parameters: { remoteKeyField: 'msisdn' }, continueOnFail: true },
	{ name: 'empty Local input', local: [], remote: remote.slice(0, 3), parameters: { remoteKeyField: 'msisdn' } },
];

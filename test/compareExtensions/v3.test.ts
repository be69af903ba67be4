/**
 * Compare Extensions version 3 through n8n-core's engine (issue 21 point 8): composite keys that
 * cannot collide, and Trimmed, Case-Insensitive keys matched as people see them (Unicode NFC,
 * invisible format characters such as a zero-width space removed). Each case is run on version 2
 * as well, which keeps its matching except for the composite join (see the docs page).
 */
import type { IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../../dev/harness/engine';
import { buildWorkflow, pkg, source } from '../../dev/harness/workflow';
import { CompareExtensions } from '../../nodes/CompareExtensions/CompareExtensions.node';

const COMPARE = 'Compare Extensions';
const NO_SAFETY = { stopWhenInputEmpty: false, remoteOnlyLimit: 'none', localOnlyLimit: 'none' };

function compareWorkflow(local: IDataObject[], remote: IDataObject[], parameters: IDataObject, typeVersion: number) {
	return buildWorkflow(
		[
			source('Local', local),
			source('Remote', remote),
			{ name: COMPARE, type: pkg('compareExtensions'), typeVersion, parameters: { safety: NO_SAFETY, ...parameters } },
		],
		[
			['Local', COMPARE, 0, 0],
			['Remote', COMPARE, 0, 1],
		],
	);
}

/**
 * [Local Only, Remote Only, Synced] of a run, each as the items' JSON without the `compared`
 * field that version 3 adds to unmatched items (compared.test.ts covers it).
 */
async function routed(local: IDataObject[], remote: IDataObject[], parameters: IDataObject, typeVersion: number) {
	const result = await runWorkflow(compareWorkflow(local, remote, parameters, typeVersion));
	expect(result.error).toBeUndefined();
	return [0, 1, 2].map((output) => result.json(COMPARE, output).map(({ compared: _compared, ...json }) => json));
}

const SITE_AND_NUMBER = {
	values: [
		{ local: 'site', remote: 'site', keyMatching: 'exact' },
		{ local: 'number', remote: 'number', keyMatching: 'exact' },
	],
};

describe('Compare Extensions v3: new nodes', () => {
	it('is the default version', () => {
		const { description } = new CompareExtensions();
		expect(description.version).toEqual([1, 2, 3]);
		expect(description.defaultVersion).toBe(3);
	});
});

describe.each([2, 3])('Compare Extensions v%s: composite keys never collide', (version) => {
	it('keeps apart two part lists that a joined text would make equal (a part holding the separator)', async () => {
		const local = [{ site: 'A\u001fB', number: '1' }];
		const remote = [{ site: 'A', number: 'B\u001f1' }];
		const [localOnly, remoteOnly, synced] = await routed(local, remote, { keyFields: SITE_AND_NUMBER }, version);
		expect(synced).toEqual([]);
		expect(localOnly).toEqual(local);
		expect(remoteOnly).toEqual(remote);
	});

	it('does not report two different part lists as one duplicate key', async () => {
		const local = [
			{ site: 'A\u001f', number: '\u001f1' },
			{ site: 'A', number: '\u001f\u001f1' },
			{ site: 'A\u001e', number: '1' },
			{ site: 'A', number: '\u001e1' },
		];
		const [localOnly, , synced] = await routed(local, [{ site: 'A\u001e', number: '1' }], { keyFields: SITE_AND_NUMBER }, version);
		expect(localOnly).toEqual([local[0], local[1], local[3]]);
		expect(synced).toEqual([{ key: 'A\u001e / 1', local: local[2], remote: { site: 'A\u001e', number: '1' } }]);
	});

	it('still matches parts that hold the separator when they are equal', async () => {
		const [, , synced] = await routed([{ site: 'A\u001fB', number: '1' }], [{ site: 'A\u001fB', number: '1' }], { keyFields: SITE_AND_NUMBER }, version);
		expect(synced.map((item) => item.key)).toEqual(['A\u001fB / 1']);
	});

	it('names the parts of a duplicate key that holds the separator', async () => {
		const result = await runWorkflow(
			compareWorkflow([{ site: 'A\u001fB', number: '1' }, { site: 'A\u001fB', number: '1' }], [{ site: 'x', number: '1' }], { keyFields: SITE_AND_NUMBER }, version),
		);
		expect(result.error?.message).toBe(
			'Duplicate key site "A\u001fB", number "1" in the Local input (key fields "site" + "number", item indexes 0, 1)',
		);
	});
});

describe('Compare Extensions: Trimmed, Case-Insensitive keys as people see them (v3), v1 and v2 unchanged', () => {
	// Each pair is the same key to a reader: a zero-width space, a byte order mark, a soft
	// hyphen, a left-to-right mark; an accent composed on one side and decomposed on the other.
	const pairs: Array<[string, string, string]> = [
		['zero-width space inside', '1001', '10\u200b01'],
		['zero-width space and spaces around', ' 1002 ', '\u200b 1002\u200b '],
		['byte order mark inside', '1003', '10\ufeff03'],
		['soft hyphen', 'Front-Desk', 'front-\u00addesk'],
		['left-to-right mark', 'sales', '\u200esales'],
		['composed and decomposed accent', 'Jos\u00e9', 'jose\u0301'],
		['decomposed capital and composed small letter', 'E\u0301MILE', '\u00e9mile'],
		['Hangul syllable and its jamo', '\uD55C', '\u1112\u1161\u11AB'],
	];

	it.each(pairs)('v3 matches %s', async (_name, localKey, remoteKey) => {
		const [localOnly, remoteOnly, synced] = await routed([{ number: localKey }], [{ number: remoteKey }], {}, 3);
		expect([localOnly, remoteOnly]).toEqual([[], []]);
		expect(synced).toHaveLength(1);
	});

	it.each(pairs)('v2 and v1 keep their matching: %s does not match', async (_name, localKey, remoteKey) => {
		for (const [version, parameters] of [
			[2, {}],
			[1, { localKeyField: 'number', remoteKeyField: 'number' }],
		] as const) {
			const [localOnly, remoteOnly, synced] = await routed([{ number: localKey }], [{ number: remoteKey }], parameters, version);
			expect([localOnly, remoteOnly, synced]).toEqual([[{ number: localKey }], [{ number: remoteKey }], []]);
		}
	});

	it('v3 shows the normalised key and still tells different keys apart', async () => {
		const local = [{ number: ' Jos\u00e9\u200b ' }, { number: 'Jose' }, { number: '10 01' }];
		const remote = [{ number: 'JOSE\u0301' }, { number: 'jos\u00e8' }, { number: '1001' }];
		const [localOnly, remoteOnly, synced] = await routed(local, remote, {}, 3);
		expect(synced.map((item) => item.key)).toEqual(['jos\u00e9']);
		// Only invisible format characters go: an inner space, another accent or none still differ.
		expect(localOnly).toEqual([local[1], local[2]]);
		expect(remoteOnly).toEqual([remote[1], remote[2]]);
	});

	it('v3 finds two keys that only differ by invisible characters as duplicates', async () => {
		const result = await runWorkflow(compareWorkflow([{ number: '1001' }, { number: '1001\u200b' }], [{ number: '1001' }], {}, 3));
		expect(result.error?.message).toBe('Duplicate key "1001" in the Local input (key field "number", item indexes 0, 1)');
	});

	it('v3 normalises Strip Prefixes and composite parts the same way', async () => {
		const keyFields = {
			values: [
				{ local: 'site', remote: 'site' },
				{ local: 'number', remote: 'number', stripPrefixes: 'Ext\u200b-' },
			],
		};
		const [, , synced] = await routed([{ site: 'Z\u00fcrich', number: 'ext-200' }], [{ site: 'zu\u0308rich\u2060', number: '200' }], { keyFields }, 3);
		expect(synced.map((item) => item.key)).toEqual(['z\u00fcrich / 200']);
	});

	it('v3 leaves Exact and Digits Only as they are', async () => {
		const exact = { values: [{ local: 'number', remote: 'number', keyMatching: 'exact' }] };
		const [localOnly] = await routed([{ number: 'Jos\u00e9' }], [{ number: 'Jose\u0301' }], { keyFields: exact }, 3);
		expect(localOnly).toHaveLength(1);
		const digits = { values: [{ local: 'number', remote: 'number', keyMatching: 'digitsOnly' }] };
		const [, , synced] = await routed([{ number: '10\u200b01' }], [{ number: '1001' }], { keyFields: digits }, 3);
		expect(synced).toHaveLength(1);
	});
});

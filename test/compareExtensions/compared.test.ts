/**
 * The `compared` field (issue 25 point 2, compare side): every Changed, Local Only and Remote
 * Only item of version 3 (and of version 2 with Options › Include Compared Values) carries the
 * key fields' and compared fields' values exactly as read from each side it has, so an apply
 * step can pass `{{ $json.compared.remote }}` to Only If Unchanged. Synced items never carry it.
 */
import type { IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../../dev/harness/engine';
import { buildWorkflow, pkg, source } from '../../dev/harness/workflow';

const COMPARE = 'Compare Extensions';
const NO_SAFETY = { stopWhenInputEmpty: false, remoteOnlyLimit: 'none', localOnlyLimit: 'none' };

function compareWorkflow(local: IDataObject[], remote: IDataObject[], parameters: IDataObject, typeVersion = 3) {
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

const local = [
	{ number: '100', name: 'Ann', email: 'ann@example.com', enabled: true, raw: { Number: '100' } },
	{ number: ' 101 ', name: 'Bob', email: 'bob@example.com', enabled: true, raw: { Number: '101' } },
	{ number: '102', name: 'Cid', raw: { Number: '102' } },
];
const remote = [
	{ msisdn: '100', profile: { name: 'Ann' }, email: 'ANN@example.com', enabled: 'on', id: 'a' },
	{ msisdn: '101', profile: { name: 'Robert' }, email: 'bob@example.com', enabled: false, id: 'b' },
	{ msisdn: '103', profile: { name: 'Dee' }, id: 'd' },
];
const parameters = {
	keyFields: { values: [{ local: 'number', remote: 'msisdn' }] },
	compareFields: {
		values: [
			{ local: 'name', remote: 'profile.name' },
			{ local: 'email', remote: 'email', ignoreCase: true },
			{ local: 'enabled', remote: 'enabled' },
		],
	},
};

describe('Compare Extensions v3: the compared field', () => {
	it('carries both sides on Changed and its own side on Local Only and Remote Only, values as read', async () => {
		const result = await runWorkflow(compareWorkflow(local, remote, parameters));
		expect(result.status).toBe('success');
		const [changed] = result.json(COMPARE, 3);
		expect(Object.keys(changed)).toEqual(['key', 'differences', 'changedFields', 'local', 'remote', 'compared']);
		expect(changed.compared).toEqual({
			local: { number: ' 101 ', name: 'Bob', email: 'bob@example.com', enabled: true },
			remote: { msisdn: '101', 'profile.name': 'Robert', email: 'bob@example.com', enabled: false },
		});
		// Local Only and Remote Only: the item as it came in, then compared for its own side.
		expect(result.json(COMPARE, 0)).toEqual([{ ...local[2], compared: { local: { number: '102', name: 'Cid', email: null, enabled: null } } }]);
		expect(result.json(COMPARE, 1)).toEqual([
			{ ...remote[2], compared: { remote: { msisdn: '103', 'profile.name': 'Dee', email: null, enabled: null } } },
		]);
		// Synced items stay as they were: nothing to check before applying them.
		expect(result.json(COMPARE, 2)[0]).not.toHaveProperty('compared');
	});

	it('carries it with Local Item and Remote Item output for matches, last', async () => {
		for (const matchOutput of ['local', 'remote'] as const) {
			const result = await runWorkflow(compareWorkflow(local, remote, { ...parameters, options: { matchOutput } }));
			const [changed] = result.json(COMPARE, 3);
			expect(Object.keys(changed).slice(0, 2)).toEqual(['_differences', '_changedFields']);
			expect(Object.keys(changed).pop()).toBe('compared');
			expect((changed.compared as IDataObject).remote).toEqual({ msisdn: '101', 'profile.name': 'Robert', email: 'bob@example.com', enabled: false });
		}
	});

	it('names every part of a composite key, and a field used as key and compared once', async () => {
		const result = await runWorkflow(
			compareWorkflow([{ site: 'HQ', number: '1', name: 'A' }], [{ site: 'hq', number: '2', name: 'B' }], {
				keyFields: { values: [{ local: 'site', remote: 'site' }, { local: 'number', remote: 'number' }] },
				compareFields: { values: [{ local: 'number' }, { local: 'name' }] },
			}),
		);
		expect(result.json(COMPARE, 0)[0].compared).toEqual({ local: { site: 'HQ', number: '1', name: 'A' } });
		expect(result.json(COMPARE, 1)[0].compared).toEqual({ remote: { site: 'hq', number: '2', name: 'B' } });
	});

	it('holds the key alone when no fields are compared and does not touch the input items', async () => {
		const input = [{ number: '7', tags: ['x'] }];
		const pinned = JSON.stringify(input);
		const result = await runWorkflow(compareWorkflow(input, [{ number: '8' }], {}));
		expect(result.json(COMPARE, 0)).toEqual([{ number: '7', tags: ['x'], compared: { local: { number: '7' } } }]);
		expect(result.output(COMPARE)[0][0].pairedItem).toEqual({ item: 0, input: 0 });
		expect(JSON.stringify(input)).toBe(pinned);
		expect(result.json('Local')).toEqual(input);
	});

	it('reads compared values from the whole item, raw included, even when Include Raw Records is off', async () => {
		const result = await runWorkflow(
			compareWorkflow([{ number: '1', raw: { Email: 'a@x' } }], [{ number: '1', raw: { Email: 'b@x' } }], {
				compareFields: { values: [{ local: 'raw.Email' }] },
			}),
		);
		const [changed] = result.json(COMPARE, 3);
		expect(changed.local).toEqual({ number: '1' });
		expect(changed.compared).toEqual({ local: { number: '1', 'raw.Email': 'a@x' }, remote: { number: '1', 'raw.Email': 'b@x' } });
	});

	it('is in the Local Only items of Route as Unmatched, with the missing key as null', async () => {
		const result = await runWorkflow(compareWorkflow([{ name: 'no key' }], [], { options: { missingKeys: 'unmatched' } }));
		expect(result.json(COMPARE, 0)).toEqual([{ name: 'no key', compared: { local: { number: null } } }]);
	});
});

describe('Compare Extensions v2: the compared field is opt-in', () => {
	it('is left out by default, so saved workflows see the items they saw', async () => {
		const result = await runWorkflow(compareWorkflow(local, remote, parameters, 2));
		expect(result.json(COMPARE, 0)).toEqual([local[2]]);
		expect(result.json(COMPARE, 1)).toEqual([remote[2]]);
		expect(result.json(COMPARE, 3)[0]).not.toHaveProperty('compared');
	});

	it('is added with Options › Include Compared Values', async () => {
		const result = await runWorkflow(compareWorkflow(local, remote, { ...parameters, options: { includeCompared: true } }, 2));
		expect(result.json(COMPARE, 0)[0].compared).toEqual({ local: { number: '102', name: 'Cid', email: null, enabled: null } });
		expect((result.json(COMPARE, 3)[0].compared as IDataObject).remote).toEqual({
			msisdn: '101',
			'profile.name': 'Robert',
			email: 'bob@example.com',
			enabled: false,
		});
		expect(result.json(COMPARE, 2)[0]).not.toHaveProperty('compared');
	});
});

describe('Compare Extensions v3: compared with unusual field names', () => {
	it('keeps "__proto__" and "constructor" as plain keys of compared', async () => {
		const local = [JSON.parse('{"number": "1", "__proto__": "x", "constructor": "c"}') as IDataObject];
		const result = await runWorkflow(
			compareWorkflow(local, [{ number: '2' }], { compareFields: { values: [{ local: '__proto__' }, { local: 'constructor' }] } }),
		);
		const compared = result.json(COMPARE, 0)[0].compared as IDataObject;
		expect(Object.keys(compared.local as object)).toEqual(['number', '__proto__', 'constructor']);
		expect(JSON.parse(JSON.stringify(compared))).toEqual(JSON.parse('{"local": {"number": "1", "__proto__": "x", "constructor": "c"}}'));
		expect(result.json(COMPARE, 1)[0].compared).toEqual({ remote: JSON.parse('{"number": "2", "__proto__": null, "constructor": null}') });
	});
});

describe('Compare Extensions v3: unmatched items keep every field of their own', () => {
	it('copies "__proto__", "constructor" and a field named compared (which compared replaces in place)', async () => {
		const local = [JSON.parse('{"number": "1", "__proto__": {"x": 1}, "compared": "mine", "constructor": "c"}') as IDataObject];
		const result = await runWorkflow(compareWorkflow(local, [{ number: '2' }], {}));
		const [item] = result.json(COMPARE, 0);
		expect(Object.keys(item)).toEqual(['number', '__proto__', 'compared', 'constructor']);
		expect(JSON.stringify(item)).toBe('{"number":"1","__proto__":{"x":1},"compared":{"local":{"number":"1"}},"constructor":"c"}');
	});
});

/**
 * The Maximum Users guard of Update Many, Regenerate Credentials for Many and (from node version
 * 4) Delete Many holds in every request mode and from every expression (issue 21, point 5): it
 * counts the users of the whole run, also with One Request per Item, and a limit that is not a
 * whole number of at least 0 is refused before anything is sent.
 */
import type { IDataObject } from 'n8n-workflow';

import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { ThreeCx } from '../../nodes/ThreeCx/ThreeCx.node';
import { threeCx } from '../../dev/harness/vendors';
import { NODE } from './helpers';

const { sandbox, server, run } = sandboxPerTest(threeCx, { seed: 150, typeVersion: 3 });

const actions = () => server.requests.filter((r) => r.method === 'POST' && /Pbx\.(MultiUserUpdate|RegeneratePasswords)$/.test(r.path));
const disabled = () => [...sandbox.state.users.values()].filter((u) => !u.Enabled).length;
const items = (count: number, extra: IDataObject = {}) => Array.from({ length: count }, (_, i) => ({ id: i + 1, ...extra }));

const updateMany = { operation: 'updateMany', idSource: 'inputItems', idField: 'id', updateFields: { Enabled: false } };
const regenerateMany = { operation: 'regenerateMany', idSource: 'inputItems', idField: 'id', regenerate: ['SipAuth'], sendWelcomeEmail: false };

describe('3CX Maximum Users with One Request per Item', () => {
	it('Update Many: 150 items one request each are refused before the first request', async () => {
		const before = disabled();
		const result = await run({ ...updateMany, perItem: true }, { items: items(150) });
		expect(result.error?.message).toBe('Refusing to update 150 users in one run: "Maximum Users" is 100');
		expect(result.error?.description).toContain('also with "One Request per Item"');
		expect(actions()).toHaveLength(0);
		expect(disabled()).toBe(before);
	});

	it('Regenerate Credentials for Many: 150 items one request each are refused before the first request', async () => {
		const result = await run({ ...regenerateMany, perItem: true }, { items: items(150) });
		expect(result.error?.message).toBe('Refusing to regenerate credentials for 150 users in one run: "Maximum Users" is 100');
		expect(actions()).toHaveLength(0);
		expect(sandbox.state.regenerateCalls).toHaveLength(0);
	});

	it('counts a user named by several items once, and a run within the limit goes out one request per item', async () => {
		const result = await run({ ...updateMany, perItem: true, maxUsers: 3 }, { items: [{ id: [1, 2] }, { id: [2, 3] }, { id: 3 }] });
		expect(result.status).toBe('success');
		expect(actions().map((r) => (JSON.parse(r.text) as { ids: number[] }).ids)).toEqual([[1, 2], [2, 3], [3]]);
	});

	it('with Continue On Fail the refusal is one error item paired with every input item', async () => {
		const result = await run({ ...updateMany, perItem: true, maxUsers: 2 }, { items: items(3), continueOnFail: true });
		const [item] = result.output(NODE)[0];
		expect(item.json.error).toBe('Refusing to update 3 users in one run: "Maximum Users" is 2');
		expect(item.pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(actions()).toHaveLength(0);
	});
});

describe('3CX Maximum Users from an expression', () => {
	it.each([
		['text', '={{ "lots" }}', '"lots"'],
		['nothing', '={{ $json.missing }}', 'no value'],
		['an empty text', '={{ "" }}', 'an empty value'],
		['a negative number', '={{ -1 }}', '-1'],
		['a fraction', '={{ 2.5 }}', '2.5'],
	])('%s is refused before anything is sent, naming the parameter and the item', async (_kind, maxUsers, shown) => {
		for (const operation of [updateMany, regenerateMany]) {
			for (const perItem of [false, true]) {
				const result = await run({ ...operation, perItem, maxUsers }, { items: items(3) });
				expect(result.error?.message).toBe(`Maximum Users must be a whole number of at least 0; item 0 has ${shown}`);
			}
		}
		expect(actions()).toHaveLength(0);
	});

	it('a number given as text is the number; 0 refuses every change; the strictest item\'s limit applies', async () => {
		const asText = await run({ ...updateMany, maxUsers: '={{ "2" }}' }, { items: items(3) });
		expect(asText.error?.message).toBe('Refusing to update 3 users in one run: "Maximum Users" is 2');
		const zero = await run({ ...regenerateMany, maxUsers: 0 }, { items: items(1) });
		expect(zero.error?.message).toBe('Refusing to regenerate credentials for 1 user in one run: "Maximum Users" is 0');
		const perItemLimit = await run({ ...updateMany, perItem: true, maxUsers: '={{ $json.max }}' }, { items: [{ id: 1, max: 100 }, { id: 2, max: 1 }] });
		expect(perItemLimit.error?.message).toBe('Refusing to update 2 users in one run: "Maximum Users" is 1');
		expect(actions()).toHaveLength(0);
	});
});

describe('3CX Delete Many: Maximum Users from node version 4', () => {
	const deleteMany = { operation: 'batchDelete', idSource: 'inputItems', idField: 'id' };
	const batchDeletes = () => server.requests.filter((r) => /Pbx\.BatchDelete$/.test(r.path));
	const runV = async (typeVersion: number, parameters: IDataObject, options: { items: IDataObject[]; continueOnFail?: boolean }) =>
		await run(parameters, { ...options, typeVersion });

	it.each([false, true])('150 users (One Request per Item: %s) are refused before the first request, with the default limit of 100', async (perItem) => {
		const result = await runV(4, { ...deleteMany, perItem }, { items: items(150) });
		expect(result.error?.message).toBe('Refusing to delete 150 users in one run: "Maximum Users" is 100');
		expect(batchDeletes()).toHaveLength(0);
		expect(sandbox.state.users.size).toBe(150);
	});

	it('counts the IDs of a list the same way', async () => {
		const ids = JSON.stringify(items(101).map((item) => item.id));
		const result = await runV(4, { operation: 'batchDelete', idSource: 'list', ids }, { items: [{}] });
		expect(result.error?.message).toBe('Refusing to delete 101 users in one run: "Maximum Users" is 100');
		expect(batchDeletes()).toHaveLength(0);
	});

	it.each([
		['text', '={{ "lots" }}', '"lots"'],
		['nothing', '={{ $json.missing }}', 'no value'],
		['a negative number', '={{ -1 }}', '-1'],
	])('a limit of %s is refused before anything is sent, in both request modes', async (_kind, maxUsers, shown) => {
		for (const perItem of [false, true]) {
			const result = await runV(4, { ...deleteMany, perItem, maxUsers }, { items: items(3) });
			expect(result.error?.message).toBe(`Maximum Users must be a whole number of at least 0; item 0 has ${shown}`);
		}
		expect(batchDeletes()).toHaveLength(0);
		expect(sandbox.state.users.size).toBe(150);
	});

	it('a run within the limit deletes; with Continue On Fail a refusal is one error item for every input item', async () => {
		const within = await runV(4, { ...deleteMany, perItem: true, maxUsers: 2 }, { items: items(2) });
		expect(within.status).toBe('success');
		expect(sandbox.state.batchDeleteCalls).toEqual([[1], [2]]);
		const refused = await runV(4, { ...deleteMany, maxUsers: 1 }, { items: [{ id: 3 }, { id: 4 }], continueOnFail: true });
		const [item] = refused.output(NODE)[0];
		expect(item.json.error).toBe('Refusing to delete 2 users in one run: "Maximum Users" is 1');
		expect(item.pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
		expect(sandbox.state.batchDeleteCalls).toHaveLength(2);
	});

	it('versions 1 to 3 keep their behaviour: no limit, as their saved workflows were built', async () => {
		const result = await runV(3, deleteMany, { items: items(150) });
		expect(result.status).toBe('success');
		expect(result.json(NODE)[0]).toMatchObject({ requested: 150, deletedCount: 150 });
		expect(sandbox.state.users.size).toBe(0);
	});

	it('the editor shows Maximum Users on Delete Many from version 4 only, and version 4 is the default', () => {
		const description = new ThreeCx().description;
		expect(description.defaultVersion).toBe(4);
		const field = description.properties.find((p) => p.name === 'maxUsers' && p.displayOptions?.show?.operation?.includes('batchDelete'));
		expect(field).toMatchObject({ type: 'number', default: 100, displayOptions: { show: { '@version': [{ _cnd: { gte: 4 } }] } } });
	});
});

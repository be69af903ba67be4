/**
 * 3CX queues and ring groups (XAPI Queues, RingGroups): Get Many, Get, Create, Update, Delete,
 * Add Member, Remove Member, Get Members, the pickers, and User › Remove From All Queues and Ring
 * Groups; membership changes under concurrent writers. Every request these tests make is checked
 * against the 20.0.10 spec (paths, methods, query options, body properties and their casing).
 */
import type { IDataObject } from 'n8n-workflow';

import type { RunOptions } from '../../dev/harness/sandboxPerTest';
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { threeCx } from '../../dev/harness/vendors';
import type { ThreeCxMember } from '../../dev/sandbox/threecx';
import { searchQueues, searchRingGroups } from '../../nodes/ThreeCx/methods/listSearch';
import { loadOptionsContext, locator, NODE, specViolations } from './helpers';

// Users 100–106 (IDs 1–7); queue 800 (agents 100, 101), queue 802 (agent 101), ring group 801 (members 101, 102).
const { sandbox, server, run, current } = sandboxPerTest(threeCx, { seed: 7, typeVersion: 3 });

beforeEach(() => {
	sandbox.addQueue({ Name: 'Support', Number: '800', agents: ['100', '101'] });
	sandbox.addRingGroup({ Name: 'Reception', Number: '801', members: ['101', '102'] });
	sandbox.addQueue({ Name: 'Billing', Number: '802', agents: ['101'] });
});

afterEach(() => {
	const xapi = server.requests.filter((r) => r.path.startsWith('/xapi/v1'));
	expect(xapi.flatMap((request) => specViolations(request))).toEqual([]);
});

const apiCalls = (method: string, path = '') => server.requests.filter((r) => r.method === method && r.path.startsWith(`/xapi/v1${path}`));
const numbers = (members: ThreeCxMember[]) => members.map((m) => m.Number);
const queue800 = () => sandbox.state.queues.find((q) => q.Number === '800')!;
const ringGroup801 = () => sandbox.state.ringGroups.find((g) => g.Number === '801')!;

/** What differs between the two resources, for tests that hold for both. */
const KINDS = [
	{
		resource: 'queue',
		title: 'Queue',
		label: 'queue',
		path: '/Queues',
		list: 'Agents',
		key: 'agents',
		add: 'addAgent',
		remove: 'removeAgent',
		getMembers: 'getAgents',
		firstAvailable: 'Pbx.GetFirstAvailableQueueNumber()',
		seeded: () => queue800() as { Id: number; Number: string; Name: string },
		members: () => numbers(queue800().Agents),
		createFields: { PollingStrategy: 'RingAll', RingTimeout: 15 },
	},
	{
		resource: 'ringGroup',
		title: 'Ring Group',
		label: 'ring group',
		path: '/RingGroups',
		list: 'Members',
		key: 'members',
		add: 'addMember',
		remove: 'removeMember',
		getMembers: 'getMembers',
		firstAvailable: 'Pbx.GetFirstAvailableRingGroupNumber()',
		seeded: () => ringGroup801() as { Id: number; Number: string; Name: string },
		members: () => numbers(ringGroup801().Members),
		createFields: { RingStrategy: 'Hunt', RingTime: 25 },
	},
] as const;

describe.each(KINDS)('3CX $title: Get Many, Get', (kind) => {
	const call = (parameters: IDataObject, options?: RunOptions) => run({ resource: kind.resource, ...parameters }, options);

	it('pages under the $top cap on your order plus Id, with the total count', async () => {
		for (let i = 0; i < 130; i++) {
			(kind.resource === 'queue' ? sandbox.addQueue : sandbox.addRingGroup)({ Name: `Team ${String(i).padStart(3, '0')}`, Number: String(1000 + i) });
		}
		const result = await call({ operation: 'getMany', returnAll: true, options: { orderby: 'Name desc', count: true } });
		const items = result.json(NODE);
		const total = kind.resource === 'queue' ? 132 : 131;
		expect(items).toHaveLength(total);
		expect(items[0]).toMatchObject({ Name: 'Team 129', '@odata.count': total });
		expect(new Set(items.map((item) => item.Id)).size).toBe(total);
		expect(items.some((item) => Object.keys(item).some((k) => k === '@odata.context'))).toBe(false);
		expect(apiCalls('GET').map((r) => [r.path, r.query.$top, r.query.$skip, r.query.$orderby])).toEqual([
			[`/xapi/v1${kind.path}`, '100', '0', 'Name desc,Id'],
			[`/xapi/v1${kind.path}`, '100', '100', 'Name desc,Id'],
		]);
	});

	it('gets one by number in one request, and by ID with its list expanded', async () => {
		const byNumber = await call({ operation: 'get', [kind.resource]: locator('number', kind.seeded().Number) });
		expect(byNumber.json(NODE)).toEqual([expect.objectContaining({ Id: kind.seeded().Id, Number: kind.seeded().Number, Name: kind.seeded().Name })]);
		expect(apiCalls('GET').map((r) => r.path)).toEqual([`/xapi/v1${kind.path}(Number='${kind.seeded().Number}')`]);
		const byId = await call({ operation: 'get', [kind.resource]: locator('id', String(kind.seeded().Id)), options: { expand: kind.list } });
		expect((byId.json(NODE)[0][kind.list] as IDataObject[]).map((m) => m.Number)).toEqual(kind.members());
	});

	it(`an unknown ${kind.label} is a 404 that says so; an ID that is not one is refused before any request`, async () => {
		const unknown = await call({ operation: 'get', [kind.resource]: locator('number', '899') });
		expect(unknown.error?.message).toBe('3CX request failed (HTTP 404): Number: WARNINGS.XAPI.NOT_FOUND');
		expect(unknown.error?.description).toBe(`The PBX has no such ${kind.label}: check its ID or number, or pick it from the list.`);
		server.clearLog();
		const notAnId = await call({ operation: 'get', [kind.resource]: locator('id', '={{ "Support" }}') }, { continueOnFail: true });
		expect(notAnId.json(NODE)).toEqual([
			expect.objectContaining({ error: `"${kind.title}" must be a 3CX ${kind.label} ID (a positive whole number) in item 0, got "Support"` }),
		]);
		expect(server.requests).toHaveLength(0);
	});
});

describe.each(KINDS)('3CX $title: Create, Update, Delete', (kind) => {
	const call = (parameters: IDataObject, options?: RunOptions) => run({ resource: kind.resource, ...parameters }, options);

	it('creates one with a given number and the form fields', async () => {
		const result = await call({ operation: 'create', Name: 'Night Line', numberSource: 'specific', Number: '850', additionalFields: kind.createFields });
		expect(result.json(NODE)).toEqual([expect.objectContaining({ Name: 'Night Line', Number: '850', ...kind.createFields })]);
		expect(JSON.parse(apiCalls('POST')[0].text)).toEqual({ ...kind.createFields, Name: 'Night Line', Number: '850' });
	});

	it('creates one on the first available number, asked from the PBX first', async () => {
		const result = await call({ operation: 'create', Name: 'Overflow', numberSource: 'nextFree' });
		expect(result.json(NODE)[0]).toMatchObject({ Name: 'Overflow', Number: '803' });
		expect(apiCalls('GET').map((r) => r.path)).toEqual([`/xapi/v1${kind.path}/${kind.firstAvailable}`]);
	});

	it('a number another DN has is refused by the PBX and not repeated; empty, non-digit and list fields are refused before any request', async () => {
		const taken = await call({ operation: 'create', Name: 'X', numberSource: 'specific', Number: '100' });
		expect(taken.error?.message).toBe('3CX request failed (HTTP 400): Number: WARNINGS.XAPI.ALREADY_IN_USE');
		expect(apiCalls('POST')).toHaveLength(1);
		server.clearLog();
		const empty = await call({ operation: 'create', Name: 'X', numberSource: 'specific', Number: ' ' });
		expect(empty.error?.message).toBe(`"${kind.title} Number" is empty in item 0`);
		const letters = await call({ operation: 'create', Name: 'X', numberSource: 'specific', Number: '8OO' });
		expect(letters.error?.message).toBe(`"${kind.title} Number" must be digits only in item 0, got "8OO"`);
		const noName = await call({ operation: 'create', Name: '={{ "" }}', numberSource: 'nextFree' });
		expect(noName.error?.message).toBe('"Name" is empty in item 0');
		const list = await call({ operation: 'create', Name: 'X', numberSource: 'nextFree', additionalFields: { additionalJson: `{"${kind.list}": []}` } });
		expect(list.error?.message).toBe(`"${kind.list}" cannot be set in "Other Properties (JSON)" (item 0)`);
		expect(server.requests).toHaveLength(0);
	});

	it('a POST that fails with a 5xx is not repeated', async () => {
		server.injectFault({ method: 'POST', path: kind.path, status: 503 });
		const result = await call({ operation: 'create', Name: 'X', numberSource: 'specific', Number: '860' });
		expect(result.status).toBe('error');
		expect(apiCalls('POST')).toHaveLength(1);
	});

	it('updates by number and outputs it as stored', async () => {
		const result = await call({ operation: 'update', [kind.resource]: locator('number', kind.seeded().Number), updateFields: { Name: 'Front Desk', ...kind.createFields } });
		expect(result.json(NODE)[0]).toMatchObject({ Id: kind.seeded().Id, Number: kind.seeded().Number, Name: 'Front Desk', ...kind.createFields });
		expect(apiCalls('PATCH').map((r) => [r.path, JSON.parse(r.text)])).toEqual([[`/xapi/v1${kind.path}(${kind.seeded().Id})`, { Name: 'Front Desk', ...kind.createFields }]]);
		expect(kind.members()).toHaveLength(2);
	});

	it('the number cannot change: another Number is refused before any PATCH, the same one is dropped', async () => {
		const { Id, Number } = kind.seeded();
		const renumber = await call({ operation: 'update', [kind.resource]: locator('id', String(Id)), updateFields: { additionalJson: '{"Number": "100"}' } });
		expect(renumber.error?.message).toBe(`The number of a 3CX ${kind.label} cannot change after creation (${kind.label} ${Id} is ${Number})`);
		expect(apiCalls('PATCH')).toHaveLength(0);
		const same = await call({ operation: 'update', [kind.resource]: locator('id', String(Id)), updateFields: { Name: 'Same', additionalJson: `{"Number": "${Number}"}` } });
		expect(same.json(NODE)[0]).toMatchObject({ Name: 'Same', Number });
		expect(apiCalls('PATCH').map((r) => JSON.parse(r.text))).toEqual([{ Name: 'Same' }]);
		server.clearLog();
		const nothing = await call({ operation: 'update', [kind.resource]: locator('id', String(Id)), updateFields: { additionalJson: `{"Number": "${Number}"}` } });
		expect(nothing.error?.message).toBe('Nothing to update in item 0: add at least one field under "Update Fields"');
		const empty = await call({ operation: 'update', [kind.resource]: locator('id', String(Id)), updateFields: {} });
		expect(empty.error?.message).toBe('Nothing to update in item 0: add at least one field under "Update Fields"');
		expect(apiCalls('PATCH')).toHaveLength(0);
	});

	it('deletes by number (the ID looked up first) and by ID; an unknown one is a 404', async () => {
		const byNumber = await call({ operation: 'delete', [kind.resource]: locator('number', kind.seeded().Number) });
		expect(byNumber.json(NODE)).toEqual([{ id: expect.any(Number), number: kind.resource === 'queue' ? '800' : '801', deleted: true }]);
		expect(apiCalls('DELETE').map((r) => r.path)).toEqual([`/xapi/v1${kind.path}(${byNumber.json(NODE)[0].id as number})`]);
		const unknown = await call({ operation: 'delete', [kind.resource]: locator('id', '77') });
		expect(unknown.error?.message).toBe('3CX request failed (HTTP 404): Id: WARNINGS.XAPI.NOT_FOUND');
		expect(unknown.error?.description).toBe(`The PBX has no such ${kind.label}: check its ID or number, or pick it from the list.`);
	});

	it('a lost DELETE answer is confirmed by the 404 of the retry', async () => {
		const { Id } = kind.seeded();
		server.injectFault({ method: 'DELETE', path: kind.path, dropAfterHandling: true });
		const result = await call({ operation: 'delete', [kind.resource]: locator('id', String(Id)) });
		expect(result.json(NODE)).toEqual([{ id: Id, deleted: true, confirmedBy: '404 on retry' }]);
		expect(apiCalls('DELETE')).toHaveLength(2);
	});
});

describe.each(KINDS)('3CX $title: Add, Remove and Get its $key', (kind) => {
	const call = (parameters: IDataObject, options?: RunOptions) => run({ resource: kind.resource, ...parameters }, options);
	const target = () => locator('number', kind.seeded().Number);

	it('adds a user by extension number and keeps the others (the whole list PATCHed, then read back)', async () => {
		const before = kind.members();
		const result = await call({ operation: kind.add, [kind.resource]: target(), user: locator('number', '105') });
		const [item] = result.json(NODE);
		expect(item).toMatchObject({ [`${kind.resource}Number`]: kind.seeded().Number, userId: 6, userNumber: '105', changed: true });
		expect((item[kind.key] as IDataObject[]).map((m) => m.number)).toEqual([...before, '105']);
		expect(kind.members()).toEqual([...before, '105']);
		const [patch] = apiCalls('PATCH');
		expect(JSON.parse(patch.text)).toEqual({ [kind.list]: [...before, '105'].map((Number) => ({ Number })) });
		expect(apiCalls('GET', kind.path).filter((r) => r.query.$expand === kind.list)).toHaveLength(2);
	});

	it('adds a user picked by ID; one already listed is left alone (no PATCH, changed: false)', async () => {
		const added = await call({ operation: kind.add, [kind.resource]: target(), user: locator('id', '7') });
		expect(added.json(NODE)[0]).toMatchObject({ userId: 7, userNumber: '106', changed: true });
		server.clearLog();
		const again = await call({ operation: kind.add, [kind.resource]: target(), user: locator('list', '7') });
		expect(again.json(NODE)[0]).toMatchObject({ changed: false });
		expect(apiCalls('PATCH')).toHaveLength(0);
	});

	it('a member who is not a user fails the item before any change: a queue\'s number, an unknown extension, an unknown ID', async () => {
		for (const [user, message] of [
			[locator('number', '802'), 'Extension 802 is not a user of the PBX (item 0)'],
			[locator('number', '999'), 'Extension 999 is not a user of the PBX (item 0)'],
			[locator('id', '70'), 'User ID 70 is not a user of the PBX (item 0)'],
		] as const) {
			const result = await call({ operation: kind.add, [kind.resource]: target(), user });
			expect(result.error?.message).toBe(message);
		}
		expect(apiCalls('PATCH')).toHaveLength(0);
	});

	it(`an unknown ${kind.label} fails the item with a clear message, with Continue On Fail as an error item`, async () => {
		const result = await call({ operation: kind.add, [kind.resource]: locator('number', '899'), user: locator('number', '105') }, { continueOnFail: true });
		expect(result.json(NODE)).toEqual([
			{ error: '3CX request failed (HTTP 404): Number: WARNINGS.XAPI.NOT_FOUND', description: `The PBX has no such ${kind.label}: check its ID or number, or pick it from the list.` },
		]);
		expect(apiCalls('PATCH')).toHaveLength(0);
	});

	it('removes one user and keeps the others; a user who is not listed is left alone', async () => {
		const [first, second] = kind.members();
		const removed = await call({ operation: kind.remove, [kind.resource]: target(), user: locator('number', first) });
		expect(removed.json(NODE)[0]).toMatchObject({ userNumber: first, changed: true });
		expect(kind.members()).toEqual([second]);
		server.clearLog();
		const notListed = await call({ operation: kind.remove, [kind.resource]: target(), user: locator('number', '105') });
		expect(notListed.json(NODE)[0]).toMatchObject({ changed: false });
		expect(apiCalls('PATCH')).toHaveLength(0);
	});

	it('removes by extension number a user deleted since, whose row is still listed', async () => {
		const [first, second] = kind.members();
		sandbox.state.users.delete([...sandbox.state.users.values()].find((u) => u.Number === first)!.Id);
		const removed = await call({ operation: kind.remove, [kind.resource]: target(), user: locator('number', first) });
		expect(removed.json(NODE)[0]).toMatchObject({ changed: true });
		expect(kind.members()).toEqual([second]);
		expect(apiCalls('GET', '/Users')).toHaveLength(0);
	});

	it('gets the members ordered by number, paged', async () => {
		await call({ operation: kind.add, [kind.resource]: target(), user: locator('number', '103') });
		server.clearLog();
		const result = await call({ operation: kind.getMembers, [kind.resource]: target(), returnAll: true });
		const members = result.json(NODE);
		expect(members.map((m) => m.Number)).toEqual([...kind.members()].sort());
		expect(members[0]).toMatchObject({ [`${kind.resource}Id`]: kind.seeded().Id, Name: expect.any(String) });
		expect(apiCalls('GET', `${kind.path}(${kind.seeded().Id})/${kind.list}`)[0].query).toMatchObject({ $orderby: 'Number,Id', $top: '100', $skip: '0' });
	});

	it('two runs adding at once: the second writes after the first has read back, so both stay', async () => {
		await call({ operation: 'get', [kind.resource]: target() }); // the token, so both runs use one
		server.clearLog();
		// The first PATCH waits until the other run has looked its user up: both are in flight.
		let otherLookedUp!: () => void;
		const lookedUp = new Promise<void>((resolve) => (otherLookedUp = resolve));
		let lookups = 0;
		server.hook({ method: 'GET', path: '/Users(', times: Infinity, beforeAnswer: () => (++lookups === 2 ? otherLookedUp() : undefined) });
		const waited = server.hook({ method: 'PATCH', path: kind.path, before: async () => await lookedUp });
		const [a, b] = await Promise.all([
			call({ operation: kind.add, [kind.resource]: target(), user: locator('number', '105') }),
			call({ operation: kind.add, [kind.resource]: target(), user: locator('number', '106') }),
		]);
		expect(waited.ran).toBe(1);
		expect([a.json(NODE)[0].changed, b.json(NODE)[0].changed]).toEqual([true, true]);
		expect([...kind.members()].sort()).toEqual([...kind.members().slice(0, 2), '105', '106'].sort());
		// Reads and writes of the list did not interleave: read, write, read back, then the other's.
		const listCalls = server.requests.filter((r) => r.path === `/xapi/v1${kind.path}(${kind.seeded().Id})`).map((r) => r.method);
		expect(listCalls).toEqual(['GET', 'PATCH', 'GET', 'GET', 'PATCH', 'GET']);
		const [firstPatch, secondPatch] = apiCalls('PATCH').map((r) => (JSON.parse(r.text) as Record<string, IDataObject[]>)[kind.list].map((m) => m.Number));
		expect(secondPatch).toEqual([...firstPatch, secondPatch[secondPatch.length - 1]]);
	});

	it('another writer that read the list before our write and writes it right after: the node writes again from fresh data, both stay', async () => {
		let stale: ThreeCxMember[] = [];
		const list = () => (kind.resource === 'queue' ? queue800().Agents : ringGroup801().Members);
		const reads = server.hook({ method: 'PATCH', path: kind.path, before: () => void (stale = list().map((m) => ({ ...m }))) });
		const overwrite = server.hook({
			method: 'PATCH',
			path: kind.path,
			beforeAnswer: () => {
				// A second worker adding 104, computed from what it read before our write.
				const row = { Id: 5, Number: '104', Name: 'other worker' };
				if (kind.resource === 'queue') queue800().Agents = [...stale, { ...row, SkillGroup: null }];
				else ringGroup801().Members = [...stale, row];
			},
		});
		const result = await call({ operation: kind.add, [kind.resource]: target(), user: locator('number', '105') });
		expect([reads.ran, overwrite.ran]).toEqual([1, 1]);
		expect(result.json(NODE)[0]).toMatchObject({ changed: true });
		expect(kind.members()).toEqual([...stale.map((m) => m.Number), '104', '105']);
		expect(apiCalls('PATCH')).toHaveLength(2);
	});

	it('a writer that undoes the change after every write fails the item after 5 writes, naming the list', async () => {
		const { Number } = kind.seeded();
		const before = kind.members();
		server.hook({
			method: 'PATCH',
			path: kind.path,
			times: Infinity,
			beforeAnswer: () => {
				if (kind.resource === 'queue') queue800().Agents = queue800().Agents.filter((m) => m.Number !== '105');
				else ringGroup801().Members = ringGroup801().Members.filter((m) => m.Number !== '105');
			},
		});
		const result = await call({ operation: kind.add, [kind.resource]: target(), user: locator('number', '105') });
		expect(result.error?.message).toBe(
			`The change to the ${kind.key} of ${kind.label} ${Number} did not hold: after 5 writes the PBX still does not show it (item 0)`,
		);
		expect(apiCalls('PATCH')).toHaveLength(5);
		expect(kind.members()).toEqual(before);
	});

	it('an answer without the list is an error, never "not a member"', async () => {
		server.hook({ method: 'GET', path: kind.path, when: (req) => req.query.$expand === kind.list, beforeAnswer: (_req, res) => void delete (res.body as IDataObject)[kind.list] });
		const result = await call({ operation: kind.remove, [kind.resource]: target(), user: locator('number', kind.members()[0]) });
		expect(result.error?.message).toBe(`The PBX answered without the ${kind.key} of ${kind.label} ${kind.seeded().Number}; nothing was changed`);
		expect(apiCalls('PATCH')).toHaveLength(0);
	});
});

describe('3CX queue agents keep their skill group when the list is written back', () => {
	it('sends each agent back with the SkillGroup it has', async () => {
		queue800().Agents[0].SkillGroup = '2';
		await run({ resource: 'queue', operation: 'addAgent', queue: locator('number', '800'), user: locator('number', '103') });
		expect(JSON.parse(apiCalls('PATCH')[0].text)).toEqual({ Agents: [{ Number: '100', SkillGroup: '2' }, { Number: '101' }, { Number: '103' }] });
		expect(queue800().Agents.map((a) => a.SkillGroup)).toEqual(['2', null, null]);
	});
});

describe('3CX user: Remove From All Queues and Ring Groups', () => {
	it('takes the user off every queue and ring group that lists it; the others stay', async () => {
		const result = await run({ operation: 'removeFromQueuesAndRingGroups', user: locator('number', '101') });
		expect(result.json(NODE)).toEqual([
			{
				number: '101',
				changed: true,
				queues: [
					{ id: 1, number: '800', name: 'Support' },
					{ id: 2, number: '802', name: 'Billing' },
				],
				ringGroups: [{ id: 1, number: '801', name: 'Reception' }],
			},
		]);
		expect(numbers(queue800().Agents)).toEqual(['100']);
		expect(sandbox.state.queues[1].Agents).toEqual([]);
		expect(numbers(ringGroup801().Members)).toEqual(['102']);
		expect(apiCalls('GET', '/Queues').filter((r) => r.path === '/xapi/v1/Queues')[0].query).toMatchObject({ $expand: 'Agents', $select: 'Id,Number,Name' });
		server.clearLog();
		const again = await run({ operation: 'removeFromQueuesAndRingGroups', user: locator('id', '2') });
		expect(again.json(NODE)).toEqual([{ id: '2', number: '101', changed: false, queues: [], ringGroups: [] }]);
		expect(apiCalls('PATCH')).toHaveLength(0);
	});

	it('a leaver deleted before is still taken off by extension number; an unknown user ID fails the item', async () => {
		sandbox.state.users.delete(3); // 102, still a ring group member
		const result = await run({ operation: 'removeFromQueuesAndRingGroups', user: locator('number', '102') });
		expect(result.json(NODE)).toEqual([{ number: '102', changed: true, queues: [], ringGroups: [{ id: 1, number: '801', name: 'Reception' }] }]);
		expect(numbers(ringGroup801().Members)).toEqual(['101']);
		const unknown = await run({ operation: 'removeFromQueuesAndRingGroups', user: locator('id', '3') });
		expect(unknown.error?.message).toBe('User ID 3 is not a user of the PBX (item 0)');
	});

	it('reads every page of queues before deciding the user is nowhere', async () => {
		for (let i = 0; i < 120; i++) sandbox.addQueue({ Name: `Q${i}`, Number: String(2000 + i) });
		sandbox.addQueue({ Name: 'Last', Number: '3000', agents: ['104'] });
		const result = await run({ operation: 'removeFromQueuesAndRingGroups', user: locator('number', '104') });
		expect(result.json(NODE)[0]).toMatchObject({ changed: true, queues: [{ number: '3000', name: 'Last' }] });
		expect(apiCalls('GET', '/Queues').filter((r) => r.path === '/xapi/v1/Queues').map((r) => r.query.$skip)).toEqual(['0', '100']);
	});

	it('a page without the agents list fails the item, nothing changed', async () => {
		server.hook({ method: 'GET', path: '/Queues', when: (req) => req.path === '/xapi/v1/Queues', beforeAnswer: (_req, res) => void ((res.body as { value: IDataObject[] }).value[0].Agents = undefined) });
		const result = await run({ operation: 'removeFromQueuesAndRingGroups', user: locator('number', '101') });
		expect(result.error?.message).toBe('The PBX answered without the agents of queue 800; nothing was changed');
		expect(apiCalls('PATCH')).toHaveLength(0);
	});
});

describe('3CX queue and ring group pickers', () => {
	it('list queues and ring groups from the PBX by number, searchable by number or name', async () => {
		const queues = await searchQueues.call(loadOptionsContext(current(), { resource: 'queue', operation: 'get' }, 'parameters.queue', 3));
		expect(queues.results).toEqual([
			{ name: '800 (Support)', value: '1' },
			{ name: '802 (Billing)', value: '2' },
		]);
		const found = await searchQueues.call(loadOptionsContext(current(), { resource: 'queue', operation: 'get' }, 'parameters.queue', 3), 'bill');
		expect(found.results).toEqual([{ name: '802 (Billing)', value: '2' }]);
		const ringGroups = await searchRingGroups.call(loadOptionsContext(current(), { resource: 'ringGroup', operation: 'get' }, 'parameters.ringGroup', 3), '80');
		expect(ringGroups.results).toEqual([{ name: '801 (Reception)', value: '1' }]);
		expect(apiCalls('GET', '/Queues')[0].query).toMatchObject({ $select: 'Id,Number,Name', $orderby: 'Number,Id', $top: '100' });
	});
});

/**
 * OpenVox under faults and bad input (issue classes 1, 2, 5, 6, 7), through the engine
 * against the sandbox.
 */
import type { IDataObject } from 'n8n-workflow';

import { CredentialStore } from '../../dev/harness/credentials';
import { runWorkflow } from '../../dev/harness/engine';
import { buildWorkflow, pkg, source } from '../../dev/harness/workflow';
import { createOpenVoxSandbox } from '../../dev/sandbox/openvox';

const sandbox = createOpenVoxSandbox();
const NODE = 'OpenVox';

beforeAll(async () => {
	await sandbox.server.start();
});
afterAll(async () => sandbox.server.stop());
beforeEach(() => {
	sandbox.reset();
	sandbox.seed(5);
});

function setup(overrides: IDataObject = {}) {
	const store = new CredentialStore();
	const credential = store.add('openVoxApi', sandbox.credentials(overrides) as never);
	const run = async (parameters: IDataObject, items: IDataObject[] = [{}], continueOnFail = false, typeVersion = 1) =>
		await runWorkflow(
			buildWorkflow(
				[
					source('Items', items),
					{
						name: NODE,
						type: pkg('openVox'),
						parameters: { resource: 'extension', ...parameters },
						credentials: { openVoxApi: credential },
						continueOnFail,
						typeVersion,
					},
				],
				[['Items', NODE]],
			),
			store,
		);
	return { store, run };
}

const logins = () => sandbox.server.count('POST', '/login');

describe('OpenVox login is never repeated after a lost answer or a 5xx', () => {
	it.each([
		['a dropped connection', { drop: true }, 'OpenVox login failed: the connection failed before the PBX answered (1 attempt; a login is not repeated, since 5 failed logins lock this client IP out for 10 minutes)'],
		['HTTP 502', { status: 502, body: 'Bad gateway' }, 'OpenVox login failed: HTTP 502 from the login URL; check the PBX API URL'],
	])('one login for the whole run after %s', async (_, fault, message) => {
		sandbox.server.injectFault({ path: '/login', times: 10, ...fault });
		const { run } = setup();
		const result = await run({ operation: 'getMany', returnAll: true }, [{}, {}, {}], true);
		expect(result.json(NODE).map((item) => item.error)).toEqual([message, message, message]);
		expect(logins()).toBe(1);
	});

	it('logs in normally once the PBX answers again', async () => {
		const { run } = setup();
		const result = await run({ operation: 'getMany', returnAll: true });
		expect(result.json(NODE)).toHaveLength(5);
		expect(logins()).toBe(1);
	});
});

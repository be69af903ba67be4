/**
 * Parallel executions sharing one 3CX credential in one process, as n8n runs them (one
 * credential in the database, read afresh by every request). 3CX keeps only the newest token
 * per Client ID, so every token request revokes the token the others are using.
 */
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { threeCx } from '../../dev/harness/vendors';
import { MAX_TOKEN_REQUESTS_PER_REQUEST } from '../../nodes/ThreeCx/transport/api';
import { NODE } from './helpers';

const { sandbox, current, withCredential } = sandboxPerTest(threeCx, { seed: 250 });

const tokenRequests = () => sandbox.server.count('POST', '/connect/token');
const rejected = () => sandbox.server.requests.filter((r) => r.path.startsWith('/xapi/') && r.status === 401).length;
const gets = (count: number) => Array.from({ length: count }, (_, i) => ({ id: String(i + 1) }));

describe('3CX: parallel executions on one credential', () => {
	it.each([4, 8])('%i parallel executions all succeed; token requests stay within the bound', async (executions) => {
		const { workflow, runWorkflow } = current(); // no token yet: every execution starts by asking for one
		const requestsPerExecution = 10;
		const reads = workflow({ operation: 'get', getBy: 'id', userId: '={{ $json.id }}' }, { items: gets(requestsPerExecution) });
		const results = await Promise.all(Array.from({ length: executions }, async () => await runWorkflow(reads)));

		expect(results.map((result) => result.error?.message ?? result.status)).toEqual(Array(executions).fill('success'));
		for (const result of results) expect(result.json(NODE).map((user) => user.id)).toEqual(gets(requestsPerExecution).map((item) => item.id));
		// Each token request answers a 401 or the empty token field of an execution that started
		// before any token was stored; no request costs more than MAX_TOKEN_REQUESTS_PER_REQUEST.
		expect(tokenRequests()).toBeLessThanOrEqual(rejected() + executions);
		expect(tokenRequests()).toBeLessThanOrEqual(executions * requestsPerExecution * MAX_TOKEN_REQUESTS_PER_REQUEST);
	});

	it('a paged Get Many running beside other executions returns every user once', async () => {
		const { workflow, runWorkflow } = current();
		const getMany = workflow({ operation: 'getMany', returnAll: true });
		const getOne = workflow({ operation: 'get', getBy: 'id', userId: '={{ $json.id }}' }, { items: gets(5) });
		const [paged, ...others] = await Promise.all([getMany, getOne, getOne, getOne].map(async (run) => await runWorkflow(run)));
		expect([paged, ...others].map((result) => result.status)).toEqual(['success', 'success', 'success', 'success']);
		const ids = paged.json(NODE).map((user) => user.id);
		expect(ids).toHaveLength(250);
		expect(new Set(ids).size).toBe(250);
	});

	it('a wrong Client Secret is final: one login, no retries', async () => {
		const { run } = withCredential({ clientSecret: 'not-the-secret' });
		const result = await run({ operation: 'get', getBy: 'id', userId: '1' });
		expect(result.status).toBe('error');
		// The token endpoint's 401 is a wrong secret, not a revoked token: nothing is repeated.
		expect(tokenRequests()).toBe(1);
		expect(sandbox.server.requests.filter((r) => r.path.startsWith('/xapi/'))).toHaveLength(0);
	});
});

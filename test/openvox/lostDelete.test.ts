/**
 * OpenVox Delete whose answer was lost (docs/dev/vendor-contract.md, deleteRecord). OpenVox
 * does not document `extension/delete` as repeatable, so it is never sent twice; after a lost
 * answer (a dropped connection, a 5xx) the node reads the extension list again: when none of the
 * numbers is listed any more, the lost attempt deleted them (`confirmedBy`); otherwise the item
 * fails with the delete's own error. A real answer (an errno on HTTP 200) is never second-guessed.
 */
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { openVox } from '../../dev/harness/vendors';
import { NODE } from './helpers';

const { sandbox, withCredential } = sandboxPerTest(openVox, { seed: 5 });

const DELETE = '/api/v0.0.1/extension/delete';
const LIST = '/api/v0.0.1/extensionlist/query';
const deletes = () => sandbox.server.count('POST', DELETE);
const listed = () => [...sandbox.state.extensions.keys()].sort();

describe('OpenVox Delete after a lost answer', () => {
	it('a delete the PBX applied but whose answer was lost is confirmed by reading the list, not sent again', async () => {
		sandbox.server.injectFault({ path: DELETE, dropAfterHandling: true });
		const { run } = withCredential();
		const result = await run({ operation: 'delete', number: '1001,1002' });
		expect(result.error?.message ?? result.status).toBe('success');
		expect(result.json(NODE)).toEqual([{ deleted: ['1001', '1002'], success: true, confirmedBy: 'not listed after the lost answer' }]);
		expect(deletes()).toBe(1);
		expect(sandbox.server.count('POST', LIST)).toBe(1);
		expect(listed()).toEqual(['1000', '1003', '1004']);
	});

	it.each([
		['a dropped connection before the PBX got it', { drop: true }],
		['HTTP 502 from a proxy', { status: 502, body: 'Bad gateway' }],
	])('%s: the extensions are still listed, so the item fails with the delete\'s error, sent once', async (_kind, fault) => {
		sandbox.server.injectFault({ path: DELETE, ...fault });
		const { run } = withCredential();
		const result = await run({ operation: 'delete', number: '1001' }, { items: [{}, {}], continueOnFail: true });
		const [first] = result.json(NODE);
		expect(first.error).toMatch(/^OpenVox request failed/);
		expect(first).not.toHaveProperty('confirmedBy');
		// The second item is a new delete of its own (the first never took effect).
		expect(result.json(NODE)[1]).toEqual({ deleted: ['1001'], success: true });
		expect(deletes()).toBe(2);
		expect(sandbox.server.count('POST', LIST)).toBe(1);
	});

	it('an answer the PBX did give (an errno on HTTP 200) is its error, with no read', async () => {
		const { run } = withCredential();
		const result = await run({ operation: 'delete', number: '4444' });
		expect(result.status).toBe('error');
		expect(sandbox.server.count('POST', LIST)).toBe(0);
		expect(deletes()).toBe(1);
	});
});

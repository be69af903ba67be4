/**
 * On Error "Continue (using error output)": a failed item goes to the node's error output (n8n
 * moves an item there only by its error, since our error JSON also holds a description), the
 * others to the regular output.
 * The approval example's apply nodes route refused subscribers this way.
 */
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { buildWorkflow, source } from '../../dev/harness/workflow';
import { cloudonix } from '../../dev/harness/vendors';
import { NODE } from '../cloudonix/helpers';

const pbx = sandboxPerTest(cloudonix, { options: { rateLimit: 1000, rateWindowMs: 1000 } });

describe('Continue (using error output)', () => {
	it('sends a failed item to the error output and the rest to the regular one', async () => {
		pbx.sandbox.add('1000', 'Seed-1000-Pw9x', { displayName: 'Ann' });
		const node = pbx.node(
			{ resource: 'subscriber', operation: 'get', findBy: 'msisdn', msisdn: '={{ $json.n }}' },
			{ name: NODE, extra: { onError: 'continueErrorOutput' } },
		);
		const result = await pbx.runWorkflow(
			buildWorkflow([source('Numbers', [{ n: '1000' }, { n: '5555' }, { n: '1000' }]), node], [['Numbers', NODE]]),
		);
		expect(result.status).toBe('success');
		const [regular, errors] = result.output(NODE);
		expect(regular.map((item) => item.json.number)).toEqual(['1000', '1000']);
		expect(errors).toHaveLength(1);
		// n8n's shape for the error output: the message in the JSON, the description on the error.
		expect(errors[0].json).toMatchObject({ error: 'No Cloudonix subscriber with MSISDN 5555 in domain "sandbox.cloudonix.net"' });
		expect(errors[0].error).toMatchObject({ description: 'Check the value, and the Domain in the credential.' });
		expect(errors[0].pairedItem).toEqual({ item: 1 });
	});
});

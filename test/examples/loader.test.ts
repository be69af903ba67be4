/** The one example loader (dev/harness/examples.ts) used by jest, the demo and `npm run test:n8n`. */
import { loadExample, readExample } from '../../dev/harness/examples';

describe('loadExample', () => {
	it('replaces a Schedule trigger by a Manual Trigger with the same name and position', () => {
		const original = readExample('3cx-reprovision-department-phones.json');
		const workflow = loadExample('3cx-reprovision-department-phones.json');
		const trigger = workflow.nodes.find((node) => node.name === 'Every night at 02:00')!;
		expect(trigger).toMatchObject({ type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} });
		expect(trigger.position).toEqual(original.nodes.find((node) => node.name === trigger.name)!.position);
		expect(workflow.connections).toEqual(original.connections);
	});

	it('with triggerOutput, puts a Code node returning the items in the trigger’s place, behind a Manual Trigger', () => {
		const body = { extension: '205' };
		const workflow = loadExample('onboarding-webhook.json', {}, { triggerOutput: [{ body, query: {} }] });
		const code = workflow.nodes.find((node) => node.name === 'New Hire Webhook')!;
		const start = workflow.nodes.find((node) => node.name === 'New Hire Webhook (start)')!;
		expect(code).toMatchObject({ type: 'n8n-nodes-base.code', typeVersion: 2, position: [0, 300] });
		expect(code.parameters).toMatchObject({ mode: 'runOnceForAllItems', language: 'javaScript' });
		expect(code).not.toHaveProperty('credentials');
		expect(code).not.toHaveProperty('webhookId');
		expect(new Function(code.parameters.jsCode as string)()).toEqual([{ json: { body, query: {} } }]);
		expect(start).toMatchObject({ type: 'n8n-nodes-base.manualTrigger', position: [-240, 300] });
		expect(workflow.connections[start.name]).toEqual({ main: [[{ node: 'New Hire Webhook', type: 'main', index: 0 }]] });
		expect(workflow.pinData ?? {}).toEqual({});
	});

	it('refuses triggerOutput for a workflow without a trigger to replace', () => {
		expect(() => loadExample('compare-extensions.json', {}, { triggerOutput: [{}] })).toThrow(/no trigger to replace/);
	});
});

/**
 * Loads an example workflow from examples/ for a test or the demo, exactly as a user would
 * import it, changing only what cannot run here: the trigger (Schedule, Webhook, …) becomes
 * the manual trigger, optionally emitting given items (e.g. a webhook's request), and
 * credential references point at the given store entries.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { IDataObject } from 'n8n-workflow';

import type { WorkflowJson } from './engine';

export const EXAMPLES_DIR = join(__dirname, '..', '..', 'examples');

const TRIGGER_TYPES = /Trigger$|\.webhook$/;

export interface LoadExampleOptions {
	/** Items the replaced trigger emits, e.g. `[{ body: {...}, headers: {}, query: {} }]` for a webhook. */
	triggerOutput?: IDataObject[];
}

export function readExample(file: string): WorkflowJson {
	return JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as WorkflowJson;
}

export function loadExample(
	file: string,
	credentialIds: Record<string, { id: string; name: string }>,
	options: LoadExampleOptions = {},
): WorkflowJson {
	const workflow = readExample(file);
	for (const node of workflow.nodes) {
		if (TRIGGER_TYPES.test(node.type) && node.type !== 'n8n-nodes-base.manualTrigger') {
			node.type = 'n8n-nodes-base.manualTrigger';
			node.typeVersion = 1;
			node.parameters = {};
			if (options.triggerOutput) {
				workflow.pinData = { ...(workflow.pinData ?? {}), [node.name]: options.triggerOutput.map((json) => ({ json })) };
			}
		}
		for (const type of Object.keys(node.credentials ?? {})) {
			if (credentialIds[type]) node.credentials![type] = credentialIds[type];
		}
	}
	return workflow;
}

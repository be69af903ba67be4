/** Loads an example workflow for a test: replaces only its trigger by the manual trigger and points credentials at the store. */
import { readFileSync } from 'fs';
import { join } from 'path';

import type { WorkflowJson } from '../harness/engine';

export function loadExample(file: string, credentialIds: Record<string, { id: string; name: string }>): WorkflowJson {
	const workflow = JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', file), 'utf8')) as WorkflowJson;
	for (const node of workflow.nodes) {
		if (/Trigger$/.test(node.type) && node.type !== 'n8n-nodes-base.manualTrigger') {
			node.type = 'n8n-nodes-base.manualTrigger';
			node.typeVersion = 1;
			node.parameters = {};
		}
		for (const type of Object.keys(node.credentials ?? {})) {
			if (credentialIds[type]) node.credentials![type] = credentialIds[type];
		}
	}
	return workflow;
}

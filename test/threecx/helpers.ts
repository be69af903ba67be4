import { LoadOptionsContext } from 'n8n-core';
import type { IDataObject, INodeCredentialsDetails, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import type { CredentialStore } from '../../dev/harness/credentials';
import { TestCredentialsHelper } from '../../dev/harness/credentials';
import { nodeTypes } from '../../dev/harness/registry';
import { threeCx } from '../../dev/harness/vendors';
import { jsonFixture } from '../conformance/fixtures';

export const NODE = threeCx.node;

/** A resource locator value, as the editor stores it. */
export const locator = (mode: 'list' | 'id' | 'number', value: string | number) => ({ __rl: true, mode, value });

/** A context for the node's loadOptions / listSearch methods, with the sandbox credential. */
export function loadOptionsContext(credential: { store: CredentialStore; credential: INodeCredentialsDetails }, parameters: IDataObject = {}, path = 'parameters.user', typeVersion = 2) {
	const workflowJson = threeCx.workflow(credential.credential, parameters, [{}], { typeVersion });
	const loadWorkflow = new Workflow({
		id: 'lo',
		nodes: workflowJson.nodes,
		connections: workflowJson.connections,
		active: false,
		nodeTypes: nodeTypes(),
	});
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(credential.store),
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		variables: {},
		userId: 'test-user',
	} as unknown as IWorkflowExecuteAdditionalData;
	return new LoadOptionsContext(loadWorkflow, loadWorkflow.getNode(NODE)!, additionalData, path);
}

interface SpecOperation {
	method: string;
	path: string;
	query: string[];
	body?: { properties: string[]; collections?: Record<string, string[]> };
}

/** The XAPI operations of the 20.0.10 spec the queue, ring group and system operations call (test/conformance/fixtures). */
const SPEC_OPERATIONS = jsonFixture<{ operations: SpecOperation[] }>('threecx', 'xapi-operations.json').operations.map((operation) => ({
	...operation,
	pattern: new RegExp(
		`^/xapi/v1${operation.path
			.replace(/[.()]/g, '\\$&')
			.replace('{Id}', '-?\\d+')
			.replace(/=\{\w+\}/g, "='(?:[^']|'')*'")}$`,
	),
}));

/**
 * What a request does that the spec does not declare: an unknown method and path, a query option
 * the operation does not take, a body property (or a property of a collection's element) its
 * schema does not have. [] when the request conforms.
 */
export function specViolations(request: { method: string; path: string; query: Record<string, string>; text: string }): string[] {
	const operation = SPEC_OPERATIONS.find((op) => op.method === request.method && op.pattern.test(request.path));
	if (!operation) return [`${request.method} ${request.path} is not an operation of the spec`];
	const where = `${request.method} ${operation.path}`;
	const problems = Object.keys(request.query)
		.filter((option) => !operation.query.includes(option))
		.map((option) => `${where} does not take ${option}`);
	if (request.text !== '') {
		if (!operation.body) return [...problems, `${where} takes no body`];
		const body = JSON.parse(request.text) as Record<string, unknown>;
		for (const [key, value] of Object.entries(body)) {
			if (!operation.body.properties.includes(key)) problems.push(`${where}: the body has ${key}`);
			const element = operation.body.collections?.[key];
			if (element && Array.isArray(value)) {
				for (const entry of value as Array<Record<string, unknown>>) {
					for (const name of Object.keys(entry)) if (!element.includes(name)) problems.push(`${where}: ${key}[] has ${name}`);
				}
			}
		}
	}
	return problems;
}

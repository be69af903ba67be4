/**
 * Minimal copies of the n8n-nodes-base nodes that test workflows need: a start, a pass-through
 * that can hold fixture data (via pinData), sample data for example workflows (Code), and
 * sticky notes — so tests do not pull in all of n8n-nodes-base (it brings database drivers
 * and more).
 * Example workflows are run with their trigger replaced by the manual trigger.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	ITriggerFunctions,
	ITriggerResponse,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

class ManualTrigger implements INodeType {
	description = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Runs the flow on clicking a button in n8n',
		defaults: { name: 'When clicking "Execute workflow"' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as INodeType['description'];

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const manualTriggerFunction = async () => {
			this.emit([this.helpers.returnJsonArray([{}])]);
		};
		return { manualTriggerFunction };
	}
}

class NoOp implements INodeType {
	description = {
		displayName: 'No Operation, do nothing',
		name: 'noOp',
		group: ['organization'],
		version: 1,
		description: 'No Operation',
		defaults: { name: 'No Operation, do nothing' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/** Sticky notes are canvas annotations; n8n never executes them. */
class StickyNote implements INodeType {
	description = {
		displayName: 'Sticky Note',
		name: 'stickyNote',
		group: ['input'],
		version: [1],
		description: 'Make your workflow easier to understand',
		defaults: { name: 'Sticky Note' },
		inputs: [],
		outputs: [],
		properties: [
			{ displayName: 'Content', name: 'content', type: 'string', default: '' },
			{ displayName: 'Height', name: 'height', type: 'number', default: 160 },
			{ displayName: 'Width', name: 'width', type: 'number', default: 240 },
			{ displayName: 'Color', name: 'color', type: 'number', default: 1 },
		],
	} as unknown as INodeType['description'];
}

/**
 * The Code node (v2) in its default mode, "Run Once for All Items", JavaScript only: the
 * code runs as an async function body with `$input.all()`, `items` and `$('<node>')` (its
 * `all(output)`, `first()` and `isExecuted`, read through n8n's expression engine), and returns
 * items (`{ json }` or plain objects). Example workflows use it for sample data and to pick up
 * an earlier node's items; the real Code node runs them in `npm run test:n8n`. Other modes and
 * languages fail loudly here.
 */
class Code implements INodeType {
	description = {
		displayName: 'Code',
		name: 'code',
		group: ['transform'],
		version: [1, 2],
		description: 'Run custom JavaScript code',
		defaults: { name: 'Code' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// Declared so n8n-core keeps the workflow's values (undeclared parameters are dropped).
		properties: [
			{ displayName: 'Mode', name: 'mode', type: 'string', default: 'runOnceForAllItems' },
			{ displayName: 'Language', name: 'language', type: 'string', default: 'javaScript' },
			{ displayName: 'JavaScript', name: 'jsCode', type: 'string', default: '' },
		],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const mode = this.getNodeParameter('mode', 0, 'runOnceForAllItems') as string;
		const language = this.getNodeParameter('language', 0, 'javaScript') as string;
		if (mode !== 'runOnceForAllItems' || language !== 'javaScript') {
			throw new Error(`The test stand-in for the Code node supports only JavaScript run once for all items, not ${language}/${mode}`);
		}
		const code = this.getNodeParameter('jsCode', 0) as string;
		const items = this.getInputData();
		const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
			...args: string[]
		) => (...values: unknown[]) => Promise<unknown>;
		const read = (expression: string) => this.evaluateExpression(`{{ ${expression} }}`, 0);
		const $ = (name: string) => {
			const node = `$(${JSON.stringify(name)})`;
			return {
				all: (output = 0) => read(`${node}.all(${Number(output)})`),
				first: () => read(`${node}.first()`),
				get isExecuted() {
					return read(`${node}.isExecuted`);
				},
			};
		};
		const returned = await new AsyncFunction('$input', 'items', '$', code)({ all: () => items, first: () => items[0] }, items, $);
		const list = (Array.isArray(returned) ? returned : [returned]) as Array<IDataObject | INodeExecutionData>;
		return [
			list.map((item, index) => ({
				json: (item && typeof item.json === 'object' ? item.json : item) as IDataObject,
				pairedItem: { item: Math.min(index, Math.max(items.length - 1, 0)) },
			})),
		];
	}
}

interface SwitchCondition {
	leftValue?: unknown;
	rightValue?: unknown;
	operator?: { type?: string; operation?: string };
}

/**
 * The Switch node (v3) in its default Rules mode, for rules whose conditions compare strings
 * with "is equal to" (what the examples use); each rule is one output, an item goes to the
 * first rule it matches and is dropped when none does (the real node's default). Other
 * operators fail loudly; the real Switch runs the examples in `npm run test:n8n`.
 */
class Switch implements INodeType {
	description = {
		displayName: 'Switch',
		name: 'switch',
		group: ['transform'],
		version: [3, 3.1, 3.2],
		description: 'Route items depending on defined expression or rules',
		defaults: { name: 'Switch' },
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{ ($parameter.rules?.values ?? []).map(() => "${NodeConnectionTypes.Main}") }}`,
		properties: [
			{ displayName: 'Mode', name: 'mode', type: 'string', default: 'rules' },
			{
				displayName: 'Routing Rules',
				name: 'rules',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				options: [
					{
						displayName: 'Values',
						name: 'values',
						values: [
							{ displayName: 'Conditions', name: 'conditions', type: 'json', default: {} },
							{ displayName: 'Rename Output', name: 'renameOutput', type: 'boolean', default: false },
							{ displayName: 'Output Name', name: 'outputKey', type: 'string', default: '' },
						],
					},
				],
			},
			{ displayName: 'Options', name: 'options', type: 'json', default: {} },
		],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const mode = this.getNodeParameter('mode', 0, 'rules') as string;
		if (mode !== 'rules') throw new Error(`The test stand-in for the Switch node supports only Rules mode, not ${mode}`);
		const rules = (this.getNodeParameter('rules.values', 0, []) as IDataObject[]) ?? [];
		const outputs: INodeExecutionData[][] = rules.map(() => []);
		this.getInputData().forEach((item, itemIndex) => {
			const values = this.getNodeParameter('rules.values', itemIndex, []) as Array<{ conditions?: { conditions?: SwitchCondition[]; combinator?: string } }>;
			const matched = values.findIndex((rule) => {
				const conditions = rule.conditions?.conditions ?? [];
				const results = conditions.map((condition) => {
					if (condition.operator?.type !== 'string' || condition.operator.operation !== 'equals') {
						throw new Error(`The test stand-in for the Switch node supports only "string is equal to", not ${JSON.stringify(condition.operator)}`);
					}
					return String(condition.leftValue) === String(condition.rightValue);
				});
				return rule.conditions?.combinator === 'or' ? results.some(Boolean) : results.every(Boolean);
			});
			if (matched >= 0) outputs[matched].push({ json: item.json, pairedItem: { item: itemIndex } });
		});
		return outputs;
	}
}

interface Assignment {
	name?: string;
	value?: unknown;
	type?: string;
}

/**
 * The Edit Fields (Set) node (v3.3, v3.4) in its default Manual Mapping mode: each assignment's
 * value (expressions already resolved) converted to its type, on a new item or, with Include
 * Other Input Fields, on a copy of the input item. Field names are taken as written (no dot
 * notation). Other modes fail loudly; the real node runs the examples in `npm run test:n8n`.
 */
class EditFields implements INodeType {
	description = {
		displayName: 'Edit Fields (Set)',
		name: 'set',
		group: ['input'],
		version: [3.3, 3.4],
		description: 'Modify, add, or remove item fields',
		defaults: { name: 'Edit Fields' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Mode', name: 'mode', type: 'string', default: 'manual' },
			{ displayName: 'Fields to Set', name: 'assignments', type: 'assignmentCollection', default: {} },
			{ displayName: 'Include Other Input Fields', name: 'includeOtherFields', type: 'boolean', default: false },
			{ displayName: 'Options', name: 'options', type: 'json', default: {} },
		],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			this.getInputData().map((item, itemIndex) => {
				const mode = this.getNodeParameter('mode', itemIndex, 'manual') as string;
				if (mode !== 'manual') throw new Error(`The test stand-in for the Edit Fields node supports only Manual Mapping, not ${mode}`);
				const assignments = (this.getNodeParameter('assignments.assignments', itemIndex, []) as Assignment[]) ?? [];
				const json: IDataObject = this.getNodeParameter('includeOtherFields', itemIndex, false) ? { ...item.json } : {};
				for (const { name, value, type } of assignments) {
					if (!name) continue;
					if (type === 'boolean') json[name] = typeof value === 'string' ? value.trim().toLowerCase() === 'true' : Boolean(value);
					else if (type === 'number') json[name] = Number(value);
					else if (type === 'string') json[name] = value === undefined || value === null ? '' : String(value);
					else json[name] = value as IDataObject;
				}
				return { json, pairedItem: { item: itemIndex } };
			}),
		];
	}
}

/** The Stop and Error node (v1) with Error Type "Error Message": fails the run with that message. */
class StopAndError implements INodeType {
	description = {
		displayName: 'Stop and Error',
		name: 'stopAndError',
		group: ['input'],
		version: 1,
		description: 'Throw an error in the workflow',
		defaults: { name: 'Stop and Error' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [],
		properties: [
			{ displayName: 'Error Type', name: 'errorType', type: 'string', default: 'errorMessage' },
			{ displayName: 'Error Message', name: 'errorMessage', type: 'string', default: '' },
		],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const errorType = this.getNodeParameter('errorType', 0) as string;
		if (errorType !== 'errorMessage') throw new Error(`The test stand-in for Stop and Error supports only Error Message, not ${errorType}`);
		throw new NodeOperationError(this.getNode(), this.getNodeParameter('errorMessage', 0) as string);
	}
}

export const testNodeTypes: Record<string, INodeType> = {
	'n8n-nodes-base.stopAndError': new StopAndError(),
	'n8n-nodes-base.set': new EditFields(),
	'n8n-nodes-base.switch': new Switch(),
	'n8n-nodes-base.manualTrigger': new ManualTrigger(),
	'n8n-nodes-base.noOp': new NoOp(),
	'n8n-nodes-base.stickyNote': new StickyNote(),
	'n8n-nodes-base.code': new Code(),
};

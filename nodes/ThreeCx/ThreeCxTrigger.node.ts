import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import {
	eventsProperty,
	filtersProperty,
	optionsProperty,
	pollChanges,
	triggerRequestOptionsProperty,
	triggerSafetyProperty,
	watchField,
	watchFieldsProperty,
} from '../shared/changeTrigger';
import { normaliseRecord } from './helpers/record';
import { getGroups } from './methods/loadOptions';
import { listRecords } from './transport';
import { departmentId } from './transport/odata';
import { CREDENTIAL_TYPE } from './transport/credential';

export class ThreeCxTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: '3CX Trigger',
		name: 'threeCxTrigger',
		icon: { light: 'file:threeCx.svg', dark: 'file:threeCx.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Extension " + $parameter["events"].join(", ")}}',
		description: 'Starts the workflow when a 3CX user (extension) is created, changed or deleted',
		defaults: {
			name: '3CX Trigger',
		},
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			eventsProperty,
			watchFieldsProperty(
				[
					watchField('email'),
					watchField('enabled'),
					watchField('firstName'),
					watchField('lastName'),
					watchField('mobile'),
					watchField('name', 'First and last name as the directory shows them'),
					watchField('status', 'Registered or unregistered; changes whenever a phone logs on or off'),
				],
				['email', 'enabled', 'name'],
			),
			filtersProperty(
				[
					{
						displayName: 'Department Name or ID',
						name: 'groupId',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getGroups' },
						default: '',
						description:
							'Only users who are members of this department. A user who leaves it counts as deleted. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
				],
			),
			optionsProperty,
			triggerSafetyProperty,
			triggerRequestOptionsProperty,
		],
	};

	methods = {
		loadOptions: { getGroups },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const filters = this.getNodeParameter('filters', {}) as IDataObject;
		const groupId = departmentId(this.getNode(), filters.groupId, 0);
		return await pollChanges.call(this, {
			source: '3cx',
			vendor: '3CX',
			filters: { groupId: filters.groupId ?? '' },
			read: async () => {
				const result = await listRecords(this, { departmentId: groupId });
				// Paging by $skip can come up short if users are deleted while it pages.
				if (result.total !== undefined && result.records.length < result.total) {
					throw new NodeOperationError(this.getNode(), `the PBX reported ${result.total} users but ${result.records.length} were read (the list changed while it was paged)`);
				}
				return result.records.map((user) => normaliseRecord(user));
			},
		});
	}
}

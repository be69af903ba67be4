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
import { getBranches } from './methods/loadOptions';
import { listRecords } from './transport';
import { CREDENTIAL_TYPE } from './transport/credential';

export class SipXcomTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'sipXcom Trigger',
		name: 'sipXcomTrigger',
		icon: { light: 'file:sipxcom.svg', dark: 'file:sipxcom.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"User " + $parameter["events"].join(", ")}}',
		description: 'Starts the workflow when a sipXcom user (extension) is created, changed or deleted',
		defaults: {
			name: 'sipXcom Trigger',
		},
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			eventsProperty,
			watchFieldsProperty(
				[
					watchField('aliases', 'Other numbers and names the user is reachable by'),
					watchField('email'),
					watchField('firstName'),
					watchField('lastName'),
					watchField('name', 'First and last name'),
				],
				['email', 'name'],
			),
			filtersProperty(
				[
					{
						displayName: 'Branch Name or ID',
						name: 'branch',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getBranches' },
						default: '',
						description:
							'Only users of this branch (sipXconfig <code>branch</code> parameter). A user who leaves it counts as deleted. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
				],
			),
			optionsProperty,
			triggerSafetyProperty,
			triggerRequestOptionsProperty,
		],
	};

	methods = {
		loadOptions: { getBranches },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const filters = this.getNodeParameter('filters', {}) as IDataObject;
		const branch = String(filters.branch ?? '').trim();
		if (branch !== '' && !/^\d+$/.test(branch)) {
			throw new NodeOperationError(this.getNode(), `"Branch Name or ID" must be a numeric sipXconfig branch ID, got "${branch}"`, {
				description: 'Choose the branch from the list, or give its internal ID.',
			});
		}
		return await pollChanges.call(this, {
			source: 'sipxcom',
			vendor: 'sipXcom',
			filters: { branch },
			read: async () => {
				const { records, total = 0 } = await listRecords(this, { branchId: branch === '' ? undefined : Number(branch) });
				if (records.length < total) {
					throw new NodeOperationError(this.getNode(), `sipXconfig reported ${total} users but ${records.length} were read (the list changed while it was paged)`);
				}
				return records.map((user) => normaliseRecord(user));
			},
		});
	}
}

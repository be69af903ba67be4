import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import {
	eventsProperty,
	filtersProperty,
	optionsProperty,
	pollChanges,
	readWholeList,
	triggerRequestOptionsProperty,
	triggerSafetyProperty,
	watchField,
	watchFieldsProperty,
} from '../shared/changeTrigger';
import { normaliseRecord } from './helpers/record';
import { getBranches } from './methods/loadOptions';
import { listRecords, request } from './transport';
import { parseOrFail, USER_OR_NONE } from './transport/api';
import { appUrl, CREDENTIAL_TYPE } from './transport/credential';
import { parseSingleUser } from './transport/xml';

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
		const branchId = branch === '' ? undefined : Number(branch);
		const credentials = await this.getCredentials(CREDENTIAL_TYPE);
		return await pollChanges.call(this, {
			source: 'sipxcom',
			vendor: 'sipXcom',
			filters: { branch },
			pbx: [appUrl(credentials.serverUrl)],
			// Paged by page number, sorted by user name (which can change): a user deleted, created or
			// renamed on an earlier page shifts a later one out of view, so a short read is read again
			// and every deletion is rechecked.
			read: async () => {
				const users = await readWholeList(
					this.getNode(),
					async () => await listRecords(this, { branchId }),
					'sipXconfig',
				);
				return users.map((user) => normaliseRecord(user));
			},
			recheck: async (id) => {
				// sipXconfig ids are whole numbers: no user can have another one.
				if (!/^\d+$/.test(id)) return undefined;
				const text = await request(this, { api: 'rest', method: 'GET', path: `/user/${id}`, expect: USER_OR_NONE });
				if (text === '') return undefined;
				const user = await parseOrFail(this, text, parseSingleUser, 'user');
				if (branchId !== undefined && user.branch?.id !== branchId) return undefined;
				return normaliseRecord(user as IDataObject);
			},
		});
	}
}

import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

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
import { getGroups } from './methods/loadOptions';
import { listRecords, request } from './transport';
import { CREDENTIAL_TYPE, threeCxBaseUrl } from './transport/credential';
import { departmentId, inDepartment, USER_OR_NONE, userPath } from './transport/odata';

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
		const credentials = await this.getCredentials(CREDENTIAL_TYPE);
		return await pollChanges.call(this, {
			source: '3cx',
			vendor: '3CX',
			filters: { groupId: filters.groupId ?? '' },
			pbx: [threeCxBaseUrl(credentials.url)],
			// Paged by $skip on a stable order (Id): a user deleted on an earlier page shifts a later
			// one out of view, so a short read is read again and every deletion is rechecked.
			read: async () => {
				const users = await readWholeList(
					this.getNode(),
					async () => await listRecords(this, { departmentId: groupId }),
					'the PBX',
				);
				return users.map((user) => normaliseRecord(user));
			},
			recheck: async (id) => {
				// 3CX ids are whole numbers: no user can have another one.
				if (!/^\d+$/.test(id)) return undefined;
				const user = await request(this, {
					path: userPath({ id: Number(id) }),
					qs: groupId === undefined ? undefined : { $expand: 'Groups' },
					expect: USER_OR_NONE,
				});
				if (user.Id === undefined) return undefined;
				if (groupId === undefined) return normaliseRecord(user);
				if (!inDepartment(user, groupId)) return undefined;
				// The list is read without Groups; the record is shown as the list shows it.
				const listed = { ...user };
				delete listed.Groups;
				return normaliseRecord(listed);
			},
		});
	}
}

import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/router';
import * as addToDepartment from './addToDepartment.operation';
import * as batchDelete from './batchDelete.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as exportExtensions from './exportExtensions.operation';
import * as get from './get.operation';
import * as getFirstAvailableNumber from './getFirstAvailableNumber.operation';
import * as getForwarding from './getForwarding.operation';
import * as getMany from './getMany.operation';
import * as regenerate from './regenerate.operation';
import * as regenerateMany from './regenerateMany.operation';
import * as removeFromDepartment from './removeFromDepartment.operation';
import * as reprovisionAllPhones from './reprovisionAllPhones.operation';
import * as sendWelcomeEmail from './sendWelcomeEmail.operation';
import * as setForwarding from './setForwarding.operation';
import * as update from './update.operation';
import * as updateMany from './updateMany.operation';

/** The operation files, in the order their properties are listed; the router's table is derived from them. */
export const operations = {
	exportExtensions,
	getMany,
	get,
	create,
	update,
	delete: del,
	batchDelete,
	reprovisionAllPhones,
	getFirstAvailableNumber,
	addToDepartment,
	removeFromDepartment,
	sendWelcomeEmail,
	regenerate,
	regenerateMany,
	updateMany,
	getForwarding,
	setForwarding,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Add to Department',
				value: 'addToDepartment',
				description: 'Make the user a member of a department with a role; other memberships stay',
				action: 'Add a user to a department',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a user (extension)',
				action: 'Create a user',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a user (extension)',
				action: 'Delete a user',
			},
			{
				name: 'Delete Many',
				value: 'batchDelete',
				description: 'Delete several users in one request and report the ones that failed',
				action: 'Delete many users',
			},
			{
				name: 'Export Extensions',
				value: 'exportExtensions',
				description: 'Export users as the CSV file of the admin console',
				action: 'Export extensions',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a user by ID or extension number',
				action: 'Get a user',
			},
			{
				name: 'Get First Available Extension Number',
				value: 'getFirstAvailableNumber',
				description: 'Ask the PBX for the first free extension number',
				action: 'Get the first available extension number',
			},
			{
				name: 'Get Forwarding',
				value: 'getForwarding',
				description: 'Get the forwarding profiles (statuses) of a user',
				action: 'Get the forwarding profiles of a user',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get many users, with OData filter, order and paging',
				action: 'Get many users',
			},
			{
				name: 'Regenerate Credentials',
				value: 'regenerate',
				description: 'Replace a user\'s SIP credentials, passwords, voicemail PIN or provisioning link with new ones',
				action: 'Regenerate the credentials of a user',
			},
			{
				name: 'Regenerate Credentials for Many',
				value: 'regenerateMany',
				description: 'Regenerate credentials of several users in one request',
				action: 'Regenerate the credentials of many users',
			},
			{
				name: 'Remove From Department',
				value: 'removeFromDepartment',
				description: 'End the user\'s membership of one department; other memberships stay',
				action: 'Remove a user from a department',
			},
			{
				name: 'Reprovision All Phones',
				value: 'reprovisionAllPhones',
				description: 'Make the phones of the given users fetch their configuration again',
				action: 'Reprovision all phones of users',
			},
			{
				name: 'Send Welcome Email',
				value: 'sendWelcomeEmail',
				description: 'Have the PBX e-mail the user the welcome message with apps and credentials',
				action: 'Send the welcome email to a user',
			},
			{
				name: 'Set Forwarding',
				value: 'setForwarding',
				description: 'Forward all calls of a user, e.g. a leaver\'s to the manager',
				action: 'Set the forwarding of a user',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Update a user (extension); the number cannot change',
				action: 'Update a user',
			},
			{
				name: 'Update Many',
				value: 'updateMany',
				description: 'Set the same fields for many users in one request, e.g. disable leavers',
				action: 'Update many users',
			},
		],
		default: 'getMany',
	},
	...operationProperties(operations),
];

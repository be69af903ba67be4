/**
 * Options › Dry Run is offered on exactly the operations that write (their files say
 * `writes = true`, which is what makes the router rehearse them), in every node version, and
 * Options › Only If Unchanged only on writing operations (issue 25).
 */
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { PACKAGE_NAME, packageNodes } from '../../dev/harness/registry';
import * as cloudonixSubscriber from '../../nodes/Cloudonix/actions/subscriber/Subscriber.resource';
import * as openVoxExtension from '../../nodes/OpenVox/actions/extension/Extension.resource';
import * as sipXcomPhone from '../../nodes/SipXcom/actions/phone/Phone.resource';
import * as sipXcomUser from '../../nodes/SipXcom/actions/user/User.resource';
import * as sipXcomUserBulk from '../../nodes/SipXcom/actions/userBulk/UserBulk.resource';
import * as threeCxDepartment from '../../nodes/ThreeCx/actions/department/Department.resource';
import * as threeCxPhone from '../../nodes/ThreeCx/actions/phone/Phone.resource';
import * as threeCxQueue from '../../nodes/ThreeCx/actions/queue/Queue.resource';
import * as threeCxRingGroup from '../../nodes/ThreeCx/actions/ringGroup/RingGroup.resource';
import * as threeCxSystem from '../../nodes/ThreeCx/actions/system/System.resource';
import * as threeCxUser from '../../nodes/ThreeCx/actions/user/User.resource';
import type { OperationModule, ResourceModule } from '../../nodes/shared/router';
import { operationScope } from '../../nodes/shared/router';

const NODES: Array<[string, Array<ResourceModule<unknown>>, number[]]> = [
	['threeCx', [threeCxUser, threeCxDepartment, threeCxPhone, threeCxQueue, threeCxRingGroup, threeCxSystem] as Array<ResourceModule<unknown>>, [1, 2, 3]],
	['cloudonix', [cloudonixSubscriber] as Array<ResourceModule<unknown>>, [1]],
	['sipXcom', [sipXcomUser, sipXcomUserBulk, sipXcomPhone] as Array<ResourceModule<unknown>>, [1]],
	['openVox', [openVoxExtension] as Array<ResourceModule<unknown>>, [1, 2, 3]],
];

function description(name: string): INodeTypeDescription {
	return (packageNodes()[`${PACKAGE_NAME}.${name}`] as { description: INodeTypeDescription }).description;
}

/** The Options entries the editor shows for an operation in a node version. */
function shownOptions(node: INodeTypeDescription, resource: string, operation: string, typeVersion: number): string[] {
	const parameters = { resource, operation, options: {} };
	return node.properties
		.filter((property) => property.name === 'options' && NodeHelpers.displayParameter(parameters, property, { typeVersion }, node))
		.flatMap((collection) =>
			((collection.options ?? []) as INodeProperties[])
				.filter((option) => NodeHelpers.displayParameterPath({ parameters }, option, 'parameters.options', { typeVersion }, node))
				.map((option) => option.name),
		);
}

describe.each(NODES)('%s', (name, resources, versions) => {
	const node = description(name);
	const modules = resources.flatMap((resource) => Object.values(resource.operations) as Array<OperationModule<unknown>>);

	it.each(versions)('version %i: Dry Run exactly on the writing operations, Only If Unchanged only on them', (typeVersion) => {
		expect(modules.filter((module) => module.writes).length).toBeGreaterThan(2);
		for (const module of modules) {
			const { resource, operation } = operationScope(module);
			const shown = shownOptions(node, resource, operation, typeVersion);
			expect([resource, operation, shown.includes('dryRun')]).toEqual([resource, operation, module.writes === true]);
			if (!module.writes) expect([resource, operation, shown.includes('onlyIfUnchanged')]).toEqual([resource, operation, false]);
		}
	});
});

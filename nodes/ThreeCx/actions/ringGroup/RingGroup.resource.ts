import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/router';
import { RING_GROUP } from '../../helpers/callGroup';
import { callGroupOperationProperty } from '../queue/descriptions';
import * as addMember from './addMember.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getMembers from './getMembers.operation';
import * as removeMember from './removeMember.operation';
import * as update from './update.operation';

/** The operation files, in the order their properties are listed; the router's table is derived from them. */
export const operations = { getMany, get, create, update, delete: del, addMember, removeMember, getMembers };

export const description: INodeProperties[] = [callGroupOperationProperty(RING_GROUP), ...operationProperties(operations)];

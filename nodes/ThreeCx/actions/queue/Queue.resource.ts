import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/router';
import { QUEUE } from '../../helpers/callGroup';
import { callGroupOperationProperty } from './descriptions';
import * as addAgent from './addAgent.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAgents from './getAgents.operation';
import * as getMany from './getMany.operation';
import * as removeAgent from './removeAgent.operation';
import * as update from './update.operation';

/** The operation files, in the order their properties are listed; the router's table is derived from them. */
export const operations = { getMany, get, create, update, delete: del, addAgent, removeAgent, getAgents };

export const description: INodeProperties[] = [callGroupOperationProperty(QUEUE), ...operationProperties(operations)];

import { createAgent, getAgent, removeAgent, setOnDuty, updateAgent } from '../services/agent-service';
import { setPin } from '../auth/auth-service';
import type { AreaHandlers } from './handler';

export const agentHandlers = {
  'agents.list': { mode: 'read', run: (repos, input) => repos.agents.list(input?.includeRemoved ?? false) },
  'agents.get': { mode: 'read', run: (repos, input) => getAgent(repos, input.id) },
  'agents.create': { mode: 'write', run: createAgent },
  'agents.update': { mode: 'write', run: updateAgent },
  'agents.setOnDuty': { mode: 'write', run: setOnDuty },
  'agents.remove': { mode: 'write', run: removeAgent },
  'agents.setPin': { mode: 'write', run: setPin },
} satisfies AreaHandlers<'agents'>;

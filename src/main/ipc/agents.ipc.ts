import { createAgent, getAgent, removeAgent, setOnDuty, updateAgent } from '../services/agent-service';
import { setPin } from '../auth/auth-service';
import type { AreaHandlers } from './handler';

export const agentHandlers = {
  'agents.list': {
    mode: 'read',
    activity: false,
    run: (repos, input) => repos.agents.list(input?.includeRemoved ?? false),
  },
  'agents.get': { mode: 'read', activity: false, run: (repos, input) => getAgent(repos, input.id) },
  'agents.create': { mode: 'write', activity: true, run: createAgent },
  'agents.update': { mode: 'write', activity: true, run: updateAgent },
  'agents.setOnDuty': { mode: 'write', activity: true, run: setOnDuty },
  'agents.remove': { mode: 'write', activity: true, run: removeAgent },
  'agents.setPin': { mode: 'write', activity: true, run: setPin },
} satisfies AreaHandlers<'agents'>;

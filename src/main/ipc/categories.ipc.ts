import { createCategory, listCategories, removeCategory, renameCategory } from '../services/category-service';
import type { AreaHandlers } from './handler';

export const categoryHandlers = {
  'categories.list': { mode: 'read', activity: false, run: listCategories },
  'categories.create': { mode: 'write', activity: true, run: createCategory },
  'categories.rename': { mode: 'write', activity: true, run: renameCategory },
  'categories.remove': { mode: 'write', activity: true, run: removeCategory },
} satisfies AreaHandlers<'categories'>;

import type { CustomerDto } from '../../../shared/domain';
import type { CustomerRow } from '../rows';
import type { SqlWriter } from '../sql-driver';
import { insertReturningId } from '../inserted-id';
import { likePattern } from './like-pattern';
import { equalsNoCase, likeNoCase, orderNoCase } from './dialect-forms';

export const toCustomerDto = (row: CustomerRow): CustomerDto => ({
  id: row.id,
  name: row.name,
  email: row.email,
  phone: row.phone,
  createdAt: row.created_at,
});

export interface CustomerFields {
  name: string;
  email: string | null;
  phone: string | null;
}

export class CustomerRepository {
  constructor(private readonly sql: SqlWriter) {}

  async find(id: number): Promise<CustomerDto | undefined> {
    const row = await this.sql.get<CustomerRow>(`SELECT * FROM customers WHERE id = @id`, { id });
    return row && toCustomerDto(row);
  }

  async findByEmail(email: string): Promise<CustomerDto | undefined> {
    const row = await this.sql.get<CustomerRow>(
      `SELECT * FROM customers WHERE ${equalsNoCase(this.sql, 'email', '@email')} ORDER BY id LIMIT 1`,
      { email },
    );
    return row && toCustomerDto(row);
  }

  /** Name, email or phone containing the query; names that start with it first. */
  async search(query: string, limit: number): Promise<CustomerDto[]> {
    if (query === '') {
      return (
        await this.sql.all<CustomerRow>(
          `SELECT * FROM customers ORDER BY updated_at DESC, id DESC LIMIT @limit`,
          {
            limit,
          },
        )
      ).map(toCustomerDto);
    }
    return (
      await this.sql.all<CustomerRow>(
        `SELECT * FROM customers
         WHERE ${likeNoCase(this.sql, 'name', '@contains')} OR ${likeNoCase(this.sql, 'email', '@contains')}
            OR ${likeNoCase(this.sql, 'phone', '@contains')}
         ORDER BY (${likeNoCase(this.sql, 'name', '@prefix')}) DESC, ${orderNoCase(this.sql, 'name')}, id
         LIMIT @limit`,
        { contains: likePattern(query, 'contains'), prefix: likePattern(query, 'prefix'), limit },
      )
    ).map(toCustomerDto);
  }

  async insert(fields: CustomerFields, now: string): Promise<number> {
    return await insertReturningId(
      this.sql,
      `INSERT INTO customers (name, email, phone, created_at, updated_at)
       VALUES (@name, @email, @phone, @now, @now)`,
      { ...fields, now },
    );
  }

  async update(id: number, fields: CustomerFields, now: string): Promise<void> {
    await this.sql.run(
      `UPDATE customers SET name = @name, email = @email, phone = @phone, updated_at = @now
       WHERE id = @id`,
      { id, ...fields, now },
    );
  }
}

"use client";
// The table's fields as the grid shows them, and the changes to own fields (add, rename, move,
// delete) through the session routes. Each answers the field as the server has it; a refusal
// is thrown as the server's ApiRequestError for the dialog that asked.
import { useCallback, useState } from "react";
import { apiRequest } from "@/components/api/client";
import type { GridField } from "@/lib/records/grid";

export type NewField = { name: string; type: string; options?: Record<string, unknown> };

export function useOwnFields(input: { fieldsPath: string; initial: GridField[] }) {
  const { fieldsPath } = input;
  const [fields, setFields] = useState(input.initial);

  const add = useCallback(
    async (body: NewField) => {
      const created = await apiRequest<GridField>(fieldsPath, { method: "POST", json: body });
      setFields((f) => [...f, created]);
      return created;
    },
    [fieldsPath],
  );

  const rename = useCallback(
    async (field: GridField, name: string) => {
      const updated = await apiRequest<GridField>(`${fieldsPath}/${field.id}`, { method: "PATCH", json: { name } });
      setFields((f) => f.map((x) => (x.id === field.id ? updated : x)));
    },
    [fieldsPath],
  );

  const move = useCallback(
    async (field: GridField, by: -1 | 1) => {
      const from = fields.findIndex((f) => f.id === field.id);
      const to = from + by;
      if (from < 0 || to < 1 || to >= fields.length) return;
      await apiRequest<GridField>(`${fieldsPath}/${field.id}`, { method: "PATCH", json: { position: to } });
      setFields((f) => {
        const next = f.filter((x) => x.id !== field.id);
        next.splice(to, 0, field);
        return next;
      });
    },
    [fieldsPath, fields],
  );

  const remove = useCallback(
    async (field: GridField) => {
      await apiRequest(`${fieldsPath}/${field.id}`, { method: "DELETE" });
      setFields((f) => f.filter((x) => x.id !== field.id));
    },
    [fieldsPath],
  );

  return { fields, add, rename, move, remove };
}

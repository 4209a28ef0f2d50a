"use client";
import { createContext, useContext } from "react";
import type { GridField } from "@/lib/records/grid";

// Lets a cell ask the table view to show its whole value (long text) without prop drilling.
export type ExpandCell = (field: GridField, text: string) => void;

export const ExpandCellContext = createContext<ExpandCell>(() => {});

export const useExpandCell = () => useContext(ExpandCellContext);

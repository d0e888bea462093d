"use client";

import {
  type ComponentProps,
  type ComponentType,
  createContext,
  memo,
  type ReactNode,
  useContext,
  useMemo,
} from "react";
import { Block, type BlockProps, type Components } from "streamdown";
import { tableRows } from "./table-rows";

type TableProps = ComponentProps<"table"> & { node?: unknown };

interface Groups {
  /** Streamdown's table: its frame and its copy control. */
  Table: ComponentType<TableProps>;
  /** The row groups after the first. */
  more: ReactNode;
}

/** For the table that the first group's render draws. */
const GroupsContext = createContext<Groups>({ Table: "table" as never, more: null });

/** Streamdown's table, with the other groups' rows appended to the first group's. */
function WithMoreRows({ children, ...props }: TableProps) {
  const { Table, more } = useContext(GroupsContext);
  return (
    <Table {...props}>
      {children}
      {more}
    </Table>
  );
}

/** A group after the first renders as a bare `<tbody>`. */
const RowsOnly = ({ children }: TableProps) => <>{children}</>;
const NoHead = () => null;

interface TableComponents {
  first: Components;
  rest: Components;
}

/** Per set of components Streamdown hands its blocks, which stays the same across renders. */
const cache = new WeakMap<Components, TableComponents>();

function tableComponents(base: Components): TableComponents {
  let found = cache.get(base);
  if (!found) {
    found = {
      first: { ...base, table: WithMoreRows },
      rest: { ...base, table: RowsOnly, thead: NoHead },
    };
    cache.set(base, found);
  }
  return found;
}

/**
 * Streamdown's block renderer, except that a table of more than one group of rows is drawn as
 * one table whose groups (table-rows.ts) render separately: a streamed row re-renders only the
 * last group. Copying the table still reads every row, from the one `<table>` element.
 */
function TableAwareBlockImpl(props: BlockProps) {
  const { content, components } = props;
  const rows = useMemo(() => (typeof content === "string" ? tableRows(content) : null), [content]);
  if (!rows || !components) return <Block {...props} />;
  const { first, rest } = tableComponents(components);
  const [firstRows, ...later] = rows.groups;
  const more = later.map((group, i) => (
    <Block
      // biome-ignore lint/suspicious/noArrayIndexKey: a group's position is its identity
      key={i}
      {...props}
      content={rows.head + group}
      components={rest}
      isIncomplete={props.isIncomplete && i === later.length - 1}
    />
  ));
  return (
    <GroupsContext.Provider
      value={{ Table: (components.table ?? "table") as Groups["Table"], more }}
    >
      <Block {...props} content={rows.head + firstRows} components={first} isIncomplete={false} />
    </GroupsContext.Provider>
  );
}

/**
 * Memoized as Streamdown memoizes its own block (by content and the few props that change what
 * it draws): every block of an answer goes through here, and most never change.
 */
export const TableAwareBlock = memo(
  TableAwareBlockImpl,
  (a, b) =>
    a.content === b.content &&
    a.isIncomplete === b.isIncomplete &&
    a.index === b.index &&
    a.dir === b.dir &&
    a.components === b.components &&
    a.rehypePlugins === b.rehypePlugins &&
    a.remarkPlugins === b.remarkPlugins &&
    a.shouldNormalizeHtmlIndentation === b.shouldNormalizeHtmlIndentation &&
    Boolean(a.animatePlugin) === Boolean(b.animatePlugin),
);

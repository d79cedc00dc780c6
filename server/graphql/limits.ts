import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from "graphql";

export const MAX_DEPTH = 8;
export const MAX_COMPLEXITY = 1_000;
/** What a list field costs per item when the query does not say how many it wants. */
const DEFAULT_LIST_SIZE = 10;

/** Introspection (the schema browser) is bounded by the schema itself, so it is not counted. */
const isIntrospection = (name: string) => name.startsWith("__");

function walk(
  set: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  visit: (field: { name: string; limit: number | null }, inner: () => number) => number,
  seen: Set<string> = new Set(),
): number {
  let total = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      if (isIntrospection(sel.name.value)) continue;
      const limitArg = sel.arguments?.find((a) => a.name.value === "limit");
      const limit = limitArg && limitArg.value.kind === Kind.INT ? Number(limitArg.value.value) : null;
      total = visit({ name: sel.name.value, limit }, () => (sel.selectionSet ? walk(sel.selectionSet, fragments, visit, seen) : 0)) + total;
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      total += walk(sel.selectionSet, fragments, visit, seen);
    } else {
      const frag = fragments[sel.name.value];
      // A fragment spreading itself is rejected by the standard rules; counting stops here.
      if (!frag || seen.has(frag.name.value)) continue;
      total += walk(frag.selectionSet, fragments, visit, new Set([...seen, frag.name.value]));
    }
  }
  return total;
}

function fragmentsOf(context: ValidationContext): Record<string, FragmentDefinitionNode> {
  const out: Record<string, FragmentDefinitionNode> = {};
  for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) out[d.name.value] = d;
  return out;
}

/** Rejects operations nested deeper than `max` fields (deck → cards → deck → … loops). */
export function depthLimit(max = MAX_DEPTH) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const fragments = fragmentsOf(context);
      let deepest = 0;
      const measure = (set: SelectionSetNode, depth: number, seen: Set<string>): void => {
        for (const sel of set.selections) {
          if (sel.kind === Kind.FIELD) {
            if (isIntrospection(sel.name.value)) continue;
            deepest = Math.max(deepest, depth);
            if (sel.selectionSet) measure(sel.selectionSet, depth + 1, seen);
          } else if (sel.kind === Kind.INLINE_FRAGMENT) measure(sel.selectionSet, depth, seen);
          else {
            const frag = fragments[sel.name.value];
            if (frag && !seen.has(frag.name.value)) measure(frag.selectionSet, depth, new Set([...seen, frag.name.value]));
          }
          if (deepest > max) return;
        }
      };
      measure(node.selectionSet, 1, new Set());
      if (deepest > max) context.reportError(new GraphQLError(`The query is nested ${deepest} levels deep; at most ${max} are allowed.`, { nodes: [node], extensions: { code: "invalid" } }));
    },
  });
}

/** Each field costs 1, and everything under a list field costs once per item it may return. */
export function complexityLimit(max = MAX_COMPLEXITY) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const cost = walk(node.selectionSet, fragmentsOf(context), (field, inner) => 1 + (field.limit ?? (LIST_FIELDS.has(field.name) ? DEFAULT_LIST_SIZE : 1)) * inner());
      if (cost > max) context.reportError(new GraphQLError(`The query would cost ${cost}; at most ${max} is allowed. Ask for fewer fields or smaller lists.`, { nodes: [node], extensions: { code: "invalid" } }));
    },
  });
}

/** Fields that return lists; kept beside the schema's names so a new list field is counted. */
export const LIST_FIELDS = new Set(["decks", "cards", "journeys", "phases", "participants", "commitments", "emotionArc", "topCards", "sessionsOverTime", "mostChosenCards", "mostSwappedCards", "themes", "facilitators", "recentSessions", "sessions", "trend", "words", "tags"]);

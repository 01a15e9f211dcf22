// The OpenTelemetry context manager tracing registers: the trace's context is carried in the request
// scope's AsyncLocalStorage (infrastructure/process/request-scope.ts) beside the request's id, rather
// than in an AsyncLocalStorage of its own as the SDK's AsyncLocalStorageContextManager does. On Node
// 20 and 22 each AsyncLocalStorage in use is copied onto every promise the process makes, inside a
// request or not; with two, a chain of awaits cost about half as much again as with one
// (docs/operations/tracing.md, "What a trace costs"). Entering a context keeps the request it is
// entered in, and entering a request keeps the trace context, so either may be entered first.
import { ROOT_CONTEXT, type Context, type ContextManager } from '@opentelemetry/api';
import { carriedTraceContext, runInTraceContext } from '../process/request-scope.ts';

export class RequestScopeContextManager implements ContextManager {
  active(): Context {
    return (carriedTraceContext() as Context | undefined) ?? ROOT_CONTEXT;
  }

  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(context: Context, fn: F, thisArg?: ThisParameterType<F>, ...args: A): ReturnType<F> {
    // The request's span is entered with a callback and nothing else (request-spans.ts): no closure for it.
    if (thisArg === undefined && args.length === 0) return runInTraceContext(context, fn as () => ReturnType<F>);
    return runInTraceContext(context, () => (thisArg === undefined ? fn(...args) : fn.call(thisArg, ...args)));
  }

  /** A function bound to run in this context; anything else (an event emitter) is returned as it is: nothing here binds emitters. */
  bind<T>(context: Context, target: T): T {
    if (typeof target !== 'function') return target;
    const run = target as (...args: unknown[]) => unknown;
    const with_ = (fn: () => unknown) => runInTraceContext(context, fn);
    return function bound(this: unknown, ...args: unknown[]) {
      return with_(() => run.apply(this, args));
    } as T;
  }

  enable(): this {
    return this;
  }

  disable(): this {
    return this;
  }
}

/**
 * A WeCom stand-in: {@link io.wecomsync.simulator.Directory} (the in-memory directory),
 * {@link io.wecomsync.simulator.WeComApiServer} (the HTTP API wx-service reads),
 * {@link io.wecomsync.simulator.ContactEvents} and {@link io.wecomsync.simulator.CallbackSender}
 * (signed, encrypted callbacks delivered the way WeCom does), and
 * {@link io.wecomsync.simulator.SimulatorCommand} (the command line).
 */
package io.wecomsync.simulator;

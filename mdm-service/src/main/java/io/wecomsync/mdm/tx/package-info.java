/**
 * Transactions that retry on optimistic-lock conflicts and lost insert races, shared by the writing
 * features.
 */
package io.wecomsync.mdm.tx;

/** How a service starts: the training run that leaves a class data archive for faster starts. */
package io.wecomsync.common.startup;

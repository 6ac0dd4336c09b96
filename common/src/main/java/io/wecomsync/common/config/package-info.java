/** Settings that ops change at run time (through Nacos): bound and validated again on every change. */
package io.wecomsync.common.config;

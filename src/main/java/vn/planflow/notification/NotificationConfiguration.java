package vn.planflow.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on Spring's scheduler for the outbox sweep ({@link NotificationSender#sendDue()}):
 * without it, an e-mail whose first attempt failed would never be tried again.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationConfiguration {}

-- One database per service; the services create their tables themselves (Flyway).
CREATE DATABASE IF NOT EXISTS wecom_mdm CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS wecom_wx CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
GRANT ALL PRIVILEGES ON wecom_mdm.* TO 'wecom'@'%';
GRANT ALL PRIVILEGES ON wecom_wx.* TO 'wecom'@'%';

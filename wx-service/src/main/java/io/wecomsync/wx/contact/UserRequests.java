package io.wecomsync.wx.contact;

import io.wecomsync.common.mdm.CustomAttribute;
import io.wecomsync.common.mdm.DepartmentMembership;
import io.wecomsync.common.mdm.UserUpsertRequest;
import io.wecomsync.wx.directory.DirectoryProperties;
import me.chanjar.weixin.cp.bean.WxCpUser;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * mdm-service's upsert of a user from a {@code change_contact} message: only the fields the message
 * carries, completed from WeCom's {@code user/get} where it lacks them, with the corp's field mapping
 * applied to the custom attributes. Besides WeCom's fields a message may carry {@code Order} (the member's
 * order in each of {@code Department}), which reconciliation events take from {@code user/get}.
 */
final class UserRequests {

    private UserRequests() {
    }

    /**
     * The event's fields, and where the event lacks one, what WeCom's user/get gave (if anything); the
     * employee number and mapped fields are what the corp's {@code mapping} takes from the custom attributes.
     */
    static UserUpsertRequest of(ContactMessage m, WxCpUser details, DirectoryProperties.Corp mapping,
                                Instant time, String eventId) {
        List<String> departments = m.list("Department");
        List<String> leaders = m.list("IsLeaderInDept");
        List<String> orders = m.list("Order");
        List<DepartmentMembership> memberships = departments == null ? null
                : memberships(departments, leaders, orders == null ? null : orders.stream().map(Long::parseLong).toList());
        Long mainDepartment = m.number("MainDepartment");
        String gender = m.text("Gender");
        String name = m.text("Name");
        String position = m.text("Position");
        String mobile = m.text("Mobile");
        String email = m.text("Email");
        String bizMail = m.text("BizMail");
        String alias = m.text("Alias");
        String telephone = m.text("Telephone");
        String address = m.text("Address");
        String avatar = m.text("Avatar");
        String status = m.text("Status");
        List<String> directLeader = m.list("DirectLeader");
        List<CustomAttribute> extAttrs = m.extAttrs();
        // a reconciliation's message carries what user/get answered: all of the user's attributes
        boolean attributesComplete = extAttrs != null && m.has(DirectoryMessages.RECONCILE_RUN);
        if (details != null) {
            if (extAttrs == null && details.getExtAttrs() != null) {
                extAttrs = CustomAttributes.fromWeCom(details.getExtAttrs());
                attributesComplete = true;
            }
            name = firstKnown(name, details.getName());
            position = firstKnown(position, details.getPosition());
            mobile = firstKnown(mobile, details.getMobile());
            email = firstKnown(email, details.getEmail());
            bizMail = firstKnown(bizMail, details.getBizMail());
            alias = firstKnown(alias, details.getAlias());
            telephone = firstKnown(telephone, details.getTelephone());
            address = firstKnown(address, details.getAddress());
            avatar = firstKnown(avatar, details.getAvatar());
            if (status == null && details.getStatus() != null) {
                status = String.valueOf(details.getStatus());
            }
            if (gender == null && details.getGender() != null) {
                gender = details.getGender().getCode();
            }
            if (directLeader == null && details.getDirectLeader() != null) {
                directLeader = List.of(details.getDirectLeader());
            }
            if (mainDepartment == null && details.getMainDepartment() != null && details.getMainDepartment().matches("\\d+")) {
                mainDepartment = Long.parseLong(details.getMainDepartment());
            }
            if (memberships == null && details.getDepartIds() != null) {
                memberships = fromDetails(details);
            } else if (memberships != null && details.getDepartIds() != null) {
                memberships = completed(memberships, fromDetails(details));
            }
        }
        return new UserUpsertRequest(name, alias, position, gender(gender), status, mobile, email, bizMail,
                telephone, address, avatar, directLeader, mainDepartment, memberships, extAttrs,
                mapping.employeeNumberIn(extAttrs), mapping.fieldsIn(extAttrs), attributesComplete ? Boolean.TRUE : null,
                time, eventId);
    }

    private static List<DepartmentMembership> memberships(List<String> departments, List<String> leaders, List<Long> orders) {
        List<DepartmentMembership> result = new ArrayList<>();
        for (int i = 0; i < departments.size(); i++) {
            Boolean leader = leaders != null && i < leaders.size() ? "1".equals(leaders.get(i)) : null;
            Long order = orders != null && i < orders.size() ? orders.get(i) : null;
            result.add(new DepartmentMembership(Long.parseLong(departments.get(i)), order, leader));
        }
        return result;
    }

    /** The event's memberships, with the order and leader flag user/get gave where the event gave none. */
    private static List<DepartmentMembership> completed(List<DepartmentMembership> fromEvent, List<DepartmentMembership> read) {
        Map<Long, DepartmentMembership> byDepartment = new LinkedHashMap<>();
        read.forEach(membership -> byDepartment.put(membership.deptId(), membership));
        return fromEvent.stream().map(membership -> {
            DepartmentMembership known = byDepartment.get(membership.deptId());
            if (known == null) {
                return membership;
            }
            return new DepartmentMembership(membership.deptId(),
                    membership.order() != null ? membership.order() : known.order(),
                    membership.leader() != null ? membership.leader() : known.leader());
        }).toList();
    }

    private static List<DepartmentMembership> fromDetails(WxCpUser details) {
        List<String> ids = new ArrayList<>();
        for (Long id : details.getDepartIds()) {
            ids.add(String.valueOf(id));
        }
        List<String> leaders = new ArrayList<>();
        if (details.getIsLeaderInDept() != null) {
            for (Integer flag : details.getIsLeaderInDept()) {
                leaders.add(String.valueOf(flag));
            }
        }
        List<Long> orders = new ArrayList<>();
        if (details.getOrders() != null) {
            for (Integer order : details.getOrders()) {
                orders.add(order == null ? null : order.longValue());
            }
        }
        return memberships(ids, leaders, orders);
    }

    private static Integer gender(String value) {
        return value != null && value.strip().matches("[012]") ? Integer.valueOf(value.strip()) : null;
    }

    private static String firstKnown(String fromEvent, String fromWeCom) {
        return fromEvent != null ? fromEvent : (fromWeCom == null || fromWeCom.isEmpty() ? null : fromWeCom);
    }
}

package ke.baraza.meetings.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import ke.baraza.shared.PublicId;

/** One item of a meeting's agenda; {@code seq} gives the order, from 1. */
@Entity
@Table(name = "agenda_item")
public class AgendaItem {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String publicId;
  private Long meetingId;
  private int seq;
  private String title;
  private String presenter;

  protected AgendaItem() {}

  AgendaItem(Long meetingId, int seq, String title, String presenter) {
    this.publicId = PublicId.next();
    this.meetingId = meetingId;
    this.seq = seq;
    this.title = title;
    this.presenter = presenter;
  }

  void moveTo(int seq) {
    this.seq = seq;
  }

  public String publicId() {
    return publicId;
  }

  public Long meetingId() {
    return meetingId;
  }

  public int seq() {
    return seq;
  }

  public String title() {
    return title;
  }

  /** Who presents the item, or {@code null}. */
  public String presenter() {
    return presenter;
  }
}
